# gp_antlr4_grammar(target grammar.g4 namespace): generates a C++ lexer and parser with the
# Debian antlr4 tool (4.7.2) and builds them against the Debian 4.9 runtime.
# Workarounds (see docs/toolchain.md): call /usr/bin/antlr4 (the jar has no Class-Path),
# absolute grammar path + -Xexact-output-dir, -fno-char8_t for C++20, and a copy of the
# umbrella header without misc/InterpreterDataReader.h so that clang tools accept it.
find_program(ANTLR4_TOOL antlr4 REQUIRED)

set(GP_ANTLR_SHIM ${CMAKE_BINARY_DIR}/antlr4-shim)
file(READ ${ANTLR4_INCLUDE_DIR}/antlr4-runtime.h _umbrella)
string(REPLACE "#include \"misc/InterpreterDataReader.h\"" "" _umbrella "${_umbrella}")
file(WRITE ${GP_ANTLR_SHIM}/antlr4-runtime.h "${_umbrella}")

function(gp_antlr4_grammar target grammar ns)
  get_filename_component(name ${grammar} NAME_WE)
  set(out ${CMAKE_BINARY_DIR}/generated/${name})
  set(gen ${out}/${name}Lexer.cpp ${out}/${name}Parser.cpp)
  add_custom_command(
    OUTPUT ${gen} ${out}/${name}Lexer.h ${out}/${name}Parser.h
    COMMAND ${ANTLR4_TOOL} -Dlanguage=Cpp -no-listener -no-visitor -package ${ns}
            -Xexact-output-dir -o ${out} ${grammar}
    DEPENDS ${grammar}
    COMMENT "ANTLR4: generating ${name}"
    VERBATIM)
  add_library(${target} STATIC ${gen})
  target_include_directories(${target} SYSTEM PUBLIC ${GP_ANTLR_SHIM} ${ANTLR4_INCLUDE_DIR} ${out})
  target_compile_options(${target} PRIVATE -w -fno-char8_t -O1)
  target_link_libraries(${target} PUBLIC antlr4_shared)
endfunction()
