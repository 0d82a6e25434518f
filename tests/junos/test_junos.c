/* test_junos.c: Juniper Junos parsers against fixtures in tests/fixtures/junos/. */
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
    return cmocka_run_group_tests_name("junos", tests, NULL, NULL);
}
