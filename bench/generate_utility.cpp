#include <cstdio>
int main() { std::puts("bench generator: not yet"); return 0; }
