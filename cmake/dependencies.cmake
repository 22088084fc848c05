# Every dependency is a Debian package installed by tools/setup.sh.
find_package(Boost 1.74 REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CLI11 REQUIRED)
find_package(antlr4-runtime 4.9 REQUIRED)

# BuDDy ships no CMake or pkg-config file.
find_path(BUDDY_INCLUDE_DIR bdd.h REQUIRED)
find_library(BUDDY_LIBRARY bdd REQUIRED)
add_library(gp_buddy INTERFACE)
target_include_directories(gp_buddy SYSTEM INTERFACE ${BUDDY_INCLUDE_DIR})
target_link_libraries(gp_buddy INTERFACE ${BUDDY_LIBRARY})

# Graphviz lays out the HTML report's topology picture (libgraphviz-dev: pkg-config libgvc).
find_package(PkgConfig REQUIRED)
pkg_check_modules(GRAPHVIZ REQUIRED IMPORTED_TARGET libgvc libcgraph)

# `gapproof diff --git` reads revisions with libgit2 (libgit2-dev); line diffs come from dtl
# (libdtl-dev, header only: Wu's O(NP) edit script).
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
find_path(DTL_INCLUDE_DIR dtl/dtl.hpp REQUIRED)
add_library(gp_dtl INTERFACE)
target_include_directories(gp_dtl SYSTEM INTERFACE ${DTL_INCLUDE_DIR})
