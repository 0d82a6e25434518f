/* test_eos.c: Arista EOS parsers against fixtures in tests/fixtures/eos/. */
#include "tests/testhelp.h"

int main(void)
{
    const struct CMUnitTest tests[] = {
    };
    return cmocka_run_group_tests_name("eos", tests, NULL, NULL);
}
