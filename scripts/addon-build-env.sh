# Environment for building llvm-bindings' native addon with cmake-js; sourced by scripts/setup.sh and
# scripts/postinstall.sh (both set $repo_root and a `log` function first).

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
