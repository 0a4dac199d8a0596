#!/usr/bin/env bash
# npm's root postinstall (also run by scripts/setup.sh when the addon is missing or stale): the llvm-bindings
# addon with Tensile's extensions.
#   1. apply patches/llvm-bindings+0.4.2.patch (patch-package --error-on-fail: a patch that no longer applies
#      fails the install);
#   2. build the addon once with cmake-js (package.json's allowScripts keeps npm from building the unpatched
#      package first), against Debian's shared libLLVM-14;
#   3. load it and check the patched API is there: a stale build directory can make cmake-js exit 0 without
#      building anything.
# Usage: scripts/postinstall.sh [all|apply|build|check]. TENSILE_INSTALL_ROOT (default: this checkout) names
# the folder whose node_modules/llvm-bindings is patched; the tests point it at a temporary copy.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=${TENSILE_INSTALL_ROOT:-$repo_root}
package=$root/node_modules/llvm-bindings
patch_file=$repo_root/patches/llvm-bindings+0.4.2.patch
stamp=$package/build/.tensile-patch-sha256

log() { echo "postinstall: $*"; }
die() {
  echo "" >&2
  echo "postinstall: FAILED: $*" >&2
  echo "postinstall: the llvm-bindings addon with Tensile's extensions is not usable; the install fails." >&2
  exit 1
}

# shellcheck source=scripts/addon-build-env.sh
source "$repo_root/scripts/addon-build-env.sh"
# npm puts node_modules/.bin on the PATH of its scripts; scripts/setup.sh runs this one directly, and the
# package's CMake files look cmake-js up on the PATH.
export PATH=$repo_root/node_modules/.bin:$PATH

apply_patch() {
  [[ -d $package ]] || die "$package is missing"
  log "applying $(basename "$patch_file")"
  (cd "$root" && "$repo_root/node_modules/.bin/patch-package" --error-on-fail --patch-dir \
    "$(realpath --relative-to="$root" "$repo_root/patches")") || die "patch-package could not apply $(basename "$patch_file")"
}

build_addon() {
  export_addon_build_env
  log "building the llvm-bindings addon (cmake-js; a few minutes without a warm ccache)"
  local started=$SECONDS
  # From a clean build directory: one left by another checkout can make the build a silent no-op.
  rm -rf "$package/build"
  (cd "$package" && "$repo_root/node_modules/.bin/cmake-js" compile) || die "building llvm-bindings failed"
  sha256sum "$patch_file" | cut -d' ' -f1 >"$stamp"
  log "built in $((SECONDS - started)) s"
}

check_addon() {
  node "$repo_root/scripts/check-llvm-bindings.cjs" "$package" || die "the built addon lacks the patched API (see above)"
}

# The build is skipped when the addon was built from this very patch and passes the check.
up_to_date() {
  [[ -f $stamp ]] && [[ $(cat "$stamp") == $(sha256sum "$patch_file" | cut -d' ' -f1) ]] &&
    node "$repo_root/scripts/check-llvm-bindings.cjs" "$package" >/dev/null 2>&1
}

case ${1:-all} in
  apply) apply_patch ;;
  build) build_addon ;;
  check) check_addon ;;
  all)
    apply_patch
    if up_to_date; then
      log "llvm-bindings addon already built from this patch"
    else
      build_addon
    fi
    check_addon
    ;;
  *) echo "usage: $0 [all|apply|build|check]" >&2; exit 2 ;;
esac
