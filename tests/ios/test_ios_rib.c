/* test_ios_rib.c: IOS routing-table parsers (show ip route, show ip bgp). */
#include "tests/testhelp.h"

static void placeholder(void **state) { (void)state; }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(placeholder),
    };
    return cmocka_run_group_tests_name("ios_rib", tests, NULL, NULL);
}
