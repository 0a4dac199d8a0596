#!/usr/bin/env bash
# Brings a checkout to the point where `npm test` and `npm run demo` can run: the Debian packages Tensile
# needs, node_modules as pinned by package-lock.json, a loadable llvm-bindings native addon, and the
# bundle that makes tensile-opt start fast.
# Idempotent and cheap when nothing is missing (a dpkg-query, a stat and one node start-up), because
# `npm test` runs it every time.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)
stamp=node_modules/.tensile-setup-stamp

acted=false
log() { echo "setup: $*"; acted=true; }

# What each package is for:
#   llvm-14-dev, clang-14, lld-14, libomp-14-dev  LLVM 14 for llvm-bindings and for compiling/linking output
#   mlir-16-tools                                  mlir-opt-16, the oracle for the MLIR 16 textual format
#   llvm-14-tools                                  FileCheck-14, the oracle for the test suite's FileCheck
#   qemu-user, gcc-riscv64-linux-gnu,              running and linking RISC-V output
#   libc6-dev-riscv64-cross
#   build-essential, cmake, ninja-build, python3   building the llvm-bindings addon (cmake-js drives CMake;
#                                                  with ninja present it builds in parallel on every core)
#   ccache                                         makes rebuilding the addon after `npm ci` take seconds
packages=(
  build-essential cmake ninja-build ccache python3
  llvm-14-dev llvm-14-tools clang-14 lld-14 libomp-14-dev mlir-16-tools
  qemu-user gcc-riscv64-linux-gnu libc6-dev-riscv64-cross
)

missing_packages() {
  local -A installed=()
  local name status
  # One dpkg-query for all packages; it exits non-zero when one was never installed, which is not an error here.
  while read -r name status; do
    if [[ $status == ii ]]; then installed[$name]=1; fi
  done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null || true)
  for name in "${packages[@]}"; do
    [[ -n ${installed[$name]:-} ]] || echo "$name"
  done
}

install_debian_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: run as root to install them, or install them yourself:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  log "apt-get update (missing: ${missing[*]})"
  apt-get update -qq
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Environment for building llvm-bindings' addon (its postinstall runs `cmake-js compile`).
export_addon_build_env() {
  # cmake-js reads npm_config_nodedir; without it it would download Node's headers, and this machine has no
  # internet. Node's own headers sit beside its binary (/usr/include/node for /usr/bin/node).
  if [[ -z ${npm_config_nodedir:-} ]]; then
    local node_prefix
    node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
    if [[ -f $node_prefix/include/node/node.h ]]; then
      export npm_config_nodedir=$node_prefix
    else
      log "warning: no Node headers in $node_prefix/include/node; cmake-js will try to download them"
    fi
  fi
  # Ninja already runs one job per core and more; Makefiles would run one job at a time without this.
  if ! command -v ninja >/dev/null && [[ -z ${CMAKE_BUILD_PARALLEL_LEVEL:-} ]]; then
    export CMAKE_BUILD_PARALLEL_LEVEL
    CMAKE_BUILD_PARALLEL_LEVEL=$(nproc)
  fi
  # CMake takes its compiler launcher from these variables. CCACHE_BASEDIR makes the cached objects' paths
  # relative to the checkout, so a fresh clone in another folder (as in CI) hits the same cache.
  if command -v ccache >/dev/null && [[ -z ${CMAKE_CXX_COMPILER_LAUNCHER:-} ]]; then
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$repo_root}
  fi
}

addon_loads() {
  node -e "if (require('llvm-bindings').config.LLVM_VERSION_MAJOR !== 14) process.exit(1)" 2>/dev/null
}

install_node_modules() {
  if [[ -f $stamp && ! package-lock.json -nt $stamp ]]; then
    return 0
  fi
  export_addon_build_env
  log "npm ci (node_modules missing or older than package-lock.json; builds llvm-bindings, a few minutes)"
  local started=$SECONDS
  npm ci --no-audit --no-fund
  log "npm ci done in $((SECONDS - started)) s"
  touch "$stamp"
}

check_addon() {
  addon_loads && return 0
  export_addon_build_env
  if [[ ! -d node_modules/llvm-bindings ]]; then
    log "llvm-bindings is missing from node_modules: npm ci"
    npm ci --no-audit --no-fund
    touch "$stamp"
  else
    # A stale build directory can leave ninja with "no work to do", so rebuild from scratch.
    log "llvm-bindings addon does not load: npm rebuild llvm-bindings (from a clean build directory)"
    rm -rf node_modules/llvm-bindings/build
    npm rebuild llvm-bindings
  fi
  if ! addon_loads; then
    echo "setup: llvm-bindings still does not load; the error:" >&2
    node -e "require('llvm-bindings')" >&2 || true
    exit 1
  fi
}

# tensile-opt's start-up bundle and its V8 code cache (cli/bundle.mjs): rebuilt when a source changed or
# Node did. The CLI runs from the sources when the bundle is missing or stale, so a failure here is reported
# but does not stop the setup.
build_cli_bundle() {
  local out
  if ! out=$(node cli/bundle.mjs); then
    echo "setup: warning: building the tensile-opt bundle failed; the CLI runs from the sources (slower start-up)" >&2
    return 0
  fi
  [[ -z $out ]] || log "$out"
}

install_debian_packages
install_node_modules
check_addon
build_cli_bundle
$acted || log "up to date (Debian packages, node_modules, llvm-bindings addon, tensile-opt bundle)"
