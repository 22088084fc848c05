// Block structure shared by indentation-structured dialects (Cisco IOS/IOS-XE, ASA, ...):
// a block is a line starting in column 0 followed by the indented lines under it.
// Deeper nesting is rebuilt from indentation in config_blocks.cpp; line contents are read by
// each dialect's own line grammar (Spirit X3 value parsers and word matching).
grammar IndentedConfig;

config : (block | NL)* EOF ;
block  : TOPLINE NL? (SUBLINE NL? | NL)* ;

TOPLINE : {getCharPositionInLine() == 0}? ~[ \t\r\n] ~[\r\n]* ;
SUBLINE : {getCharPositionInLine() == 0}? [ \t]+ ~[\r\n]* ;
NL      : '\r'? '\n' | '\r' ;
