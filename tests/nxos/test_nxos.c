/* test_nxos.c: Cisco NX-OS parsers against fixtures in tests/fixtures/nxos/. */
#include <string.h>

#include "tests/testhelp.h"

static void placeholder(void **state)
{
    (void)state;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(placeholder),
    };
    return cmocka_run_group_tests_name("nxos", tests, NULL, NULL);
}
