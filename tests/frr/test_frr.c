#include "tests/testhelp.h"
int main(void){return 0;}
