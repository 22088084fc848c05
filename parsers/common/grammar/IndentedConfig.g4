// Block structure shared by indentation-structured dialects (Cisco IOS/IOS-XE, ASA, ...):
// a block is a line starting in column 0 followed by the indented lines under it.
// Deeper nesting is rebuilt from indentation in config_blocks.cpp; line contents are read by
// each dialect's own line grammar (Spirit X3 value parsers and word matching).
//
// Every token but NL runs to the end of its line, so each TOPLINE/SUBLINE starts in column 0
// without a semantic predicate (predicates would disable the lexer's DFA cache: 20x slower).
grammar IndentedConfig;

config : (block | NL)* EOF ;
block  : TOPLINE NL? (SUBLINE NL? | NL)* ;

TOPLINE : ~[ \t\r\n] ~[\r\n]* ;
SUBLINE : [ \t]+ ~[\r\n]* ;
NL      : '\r'? '\n' | '\r' ;
