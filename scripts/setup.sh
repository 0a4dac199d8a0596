#!/usr/bin/env bash
# Brings a checkout to the point where `npm test` and `npm run demo` can run: the Debian packages Tensile
# needs, node_modules as pinned by package-lock.json, a loadable llvm-bindings native addon with Tensile's
# extensions (patches/, applied and built by scripts/postinstall.sh), and the
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
#   clang-16                                       compiling MLIR 16's translation of the same input: the MLIR 16
#                                                  oracle of native code (test/support/mlir16-native.ts)
#   llvm-14-tools                                  FileCheck-14, the oracle for the test suite's FileCheck
#   qemu-user, gcc-riscv64-linux-gnu,              running and linking RISC-V output
#   libc6-dev-riscv64-cross
#   build-essential, cmake, ninja-build, python3   building the llvm-bindings addon (cmake-js drives CMake;
#                                                  with ninja present it builds in parallel on every core)
#   ccache                                         makes rebuilding the addon after `npm ci` take seconds
#   llvm-14, llvm-14-runtime                       llvm-objdump-14 (checking emitted objects), lli-14 (running
#                                                  translated LLVM IR against MLIR 16's in the tests)
#   valgrind                                       checking that AOT bundles free what they allocate
packages=(
  build-essential cmake ninja-build ccache python3
  llvm-14 llvm-14-runtime llvm-14-dev llvm-14-tools clang-14 lld-14 libomp-14-dev mlir-16-tools clang-16 valgrind
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

# shellcheck source=scripts/addon-build-env.sh
source scripts/addon-build-env.sh

# Loads, is LLVM 14, and has Tensile's extensions (patches/llvm-bindings+0.4.2.patch) at the current revision.
addon_loads() {
  node scripts/check-llvm-bindings.cjs >/dev/null 2>&1
}

install_node_modules() {
  # node-llama-cpp (the llama.cpp reference of the tests) uses the prebuilt CPU binary its npm package ships;
  # it must never download or build llama.cpp.
  export NODE_LLAMA_CPP_SKIP_DOWNLOAD=true
  if [[ -f $stamp && ! package-lock.json -nt $stamp ]]; then
    return 0
  fi
  export_addon_build_env
  log "npm ci (node_modules missing or older than package-lock.json; patches and builds llvm-bindings, a few minutes)"
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
    # Unpatched, stale or broken: apply the patch and rebuild from a clean build directory.
    log "llvm-bindings addon does not load or lacks the patched API: scripts/postinstall.sh"
    bash scripts/postinstall.sh
  fi
  if ! addon_loads; then
    echo "setup: llvm-bindings still lacks the patched API:" >&2
    node scripts/check-llvm-bindings.cjs >&2 || true
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
