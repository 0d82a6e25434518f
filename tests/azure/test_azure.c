/* test_azure.c: Azure effective route parsers against fixtures in tests/fixtures/azure/. */
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"

#define AZ "az network nic show-effective-route-table -g rg-er-nyc -n vm1-nic"
#define PS "Get-AzEffectiveRouteTable -NetworkInterfaceName vm1-nic -ResourceGroupName rg-er-nyc"

/* The route for prefix with the given source (prefixes repeat across sources). */
static const effective_route_t *route(const parsed_t *p, const char *prefix, const char *source)
{
    for (size_t i = 0; i < p->n; i++) {
        const effective_route_t *e = &p->recs[i].u.effective_route;
        for (int k = 0; k < e->n_prefixes; k++)
            if (strcmp(e->prefixes[k], prefix) == 0 && strcmp(e->source, source) == 0)
                return e;
    }
    fail_msg("no %s route for %s", source, prefix);
    return NULL;
}

/* The forced-tunnelling table every form of the fixtures describes. */
static void assert_forced_tunnel(const parsed_t *p)
{
    const effective_route_t *dflt = route(p, "0.0.0.0/0", "User");
    assert_string_equal(dflt->state, "Active");
    assert_string_equal(dflt->next_hop_type, "VirtualAppliance");
    assert_string_equal(dflt->next_hop, "10.1.255.4");
    const effective_route_t *inet = route(p, "0.0.0.0/0", "Default");
    assert_string_equal(inet->state, "Invalid");
    assert_string_equal(inet->next_hop_type, "Internet");
    assert_string_equal(inet->next_hop, "");
    const effective_route_t *onprem = route(p, "172.16.0.0/16", "User");
    assert_string_equal(onprem->next_hop_type, "VirtualAppliance");
    assert_string_equal(onprem->next_hop, "10.1.255.4");
    const effective_route_t *vnet = route(p, "10.1.0.0/16", "Default");
    assert_string_equal(vnet->next_hop_type, "VnetLocal");
    assert_int_equal(vnet->n_prefixes, 1);
}

static void az_json(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", AZ, "azure/az_forced_tunnel.json");
    assert_false(p->partial);
    assert_false(p->failed);
    assert_int_equal(p->n, 8); /* 7 routes, the six-prefix peering route split in two */
    assert_forced_tunnel(p);
    assert_string_equal(route(p, "0.0.0.0/0", "User")->name, "default-to-nva");
    assert_string_equal(route(p, "10.1.0.0/16", "Default")->name, ""); /* null */
    const effective_route_t *gw = route(p, "172.16.0.0/16", "VirtualNetworkGateway");
    assert_string_equal(gw->state, "Invalid");
    assert_string_equal(gw->next_hop, "192.168.100.130");
    assert_int_equal(route(p, "10.2.0.0/16", "Default")->n_prefixes, 4);
    assert_int_equal(route(p, "10.7.0.0/16", "Default")->n_prefixes, 2);
    assert_int_equal(route(p, "100.64.0.0/10", "Default")->n_prefixes, 3);
    assert_non_null(strstr(p->json, "\"kind\":\"effective_routes\""));
    assert_non_null(strstr(p->json, "\"prefixes\":[\"0.0.0.0/0\"],\"next_hop_type\":\"VirtualAppliance\""));
    th_free(p);
}

static void az_json_bare_array_after_warning(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", AZ " -o json", "azure/az_bare_array.json");
    assert_int_equal(p->n, 2);
    assert_false(p->failed);
    assert_string_equal(route(p, "172.16.0.0/16", "VirtualNetworkGateway")->state, "Active");
    th_free(p);
}

static void az_json_empty(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", AZ, "azure/az_empty.json");
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    assert_false(p->failed);
    th_free(p);
}

static void az_json_truncated(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", AZ, "azure/az_truncated.json");
    assert_int_equal(p->n, 1); /* the route before the cut */
    assert_true(p->partial);
    assert_false(p->failed);
    assert_string_equal(route(p, "10.1.0.0/16", "Default")->next_hop_type, "VnetLocal");
    th_free(p);
}

static void ps_json(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", PS " | ConvertTo-Json -Depth 4", "azure/ps_forced_tunnel.json");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_forced_tunnel(p);
    assert_string_equal(route(p, "172.16.0.0/16", "User")->name, "onprem-via-nva");
    assert_string_equal(route(p, "10.1.0.0/16", "Default")->name, "");
    th_free(p);
}

static void ps_json_single_object(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", PS " | ConvertTo-Json", "azure/ps_single.json");
    assert_int_equal(p->n, 1);
    assert_string_equal(route(p, "0.0.0.0/0", "User")->next_hop, "10.1.255.4");
    th_free(p);
}

static void ps_table_crlf_prompt(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", PS, "azure/ps_table.txt");
    assert_int_equal(p->n, 6);
    assert_false(p->partial);
    assert_int_equal(p->n_skipped, 0);
    assert_forced_tunnel(p);
    assert_string_equal(route(p, "0.0.0.0/0", "User")->name, "default-to-nva");
    const effective_route_t *gw = route(p, "172.16.0.0/16", "VirtualNetworkGateway");
    assert_string_equal(gw->next_hop, "192.168.100.130");
    assert_string_equal(gw->state, "Invalid");
    const effective_route_t *none = route(p, "172.16.0.0/12", "Default");
    assert_int_equal(none->n_prefixes, 3);
    assert_string_equal(none->next_hop_type, "None");
    th_free(p);
}

static void ps_table_truncated(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", PS, "azure/ps_table_truncated.txt");
    assert_int_equal(p->n, 3);
    assert_true(p->partial); /* "172.16…" */
    const effective_route_t *none = route(p, "100.64.0.0/10", "Default");
    assert_int_equal(none->n_prefixes, 2);
    assert_string_equal(none->next_hop_type, "None"); /* columns counted in characters */
    th_free(p);
}

static void ps_table_empty(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", PS, "azure/ps_table_empty.txt");
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    th_free(p);
}

static void ps_list(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", PS, "azure/ps_list.txt");
    assert_int_equal(p->n, 2);
    assert_int_equal(p->n_skipped, 0);
    const effective_route_t *d = route(p, "0.0.0.0/0", "User");
    assert_string_equal(d->name, "default-to-nva");
    assert_string_equal(d->next_hop, "10.1.255.4");
    assert_string_equal(route(p, "10.1.0.0/16", "Default")->name, "");
    th_free(p);
}

static void az_table_banner_ansi_pager(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("azure", AZ " -o table", "azure/az_table_banner.txt");
    assert_int_equal(p->n, 5);
    assert_false(p->partial);
    assert_int_equal(p->n_skipped, 0);
    assert_forced_tunnel(p);
    assert_string_equal(route(p, "172.16.0.0/16", "VirtualNetworkGateway")->next_hop, "192.168.100.130");
    th_free(p);
}

static void az_default_output_table(void **state)
{
    (void)state;
    /* az configured with "output = table": the JSON entry reads the table as well */
    parsed_t *p = th_parse_fixture("azure", AZ, "azure/az_table_banner.txt");
    assert_int_equal(p->n, 5);
    assert_forced_tunnel(p);
    th_free(p);
}

static void split_invariant(void **state)
{
    (void)state;
    char *text = th_read_fixture("azure/ps_table.txt", NULL);
    th_assert_split_invariant("azure", PS, text, 13);
    free(text);
    text = th_read_fixture("azure/az_forced_tunnel.json", NULL);
    th_assert_split_invariant("azure", AZ, text, 7);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(az_json),
        cmocka_unit_test(az_json_bare_array_after_warning),
        cmocka_unit_test(az_json_empty),
        cmocka_unit_test(az_json_truncated),
        cmocka_unit_test(ps_json),
        cmocka_unit_test(ps_json_single_object),
        cmocka_unit_test(ps_table_crlf_prompt),
        cmocka_unit_test(ps_table_truncated),
        cmocka_unit_test(ps_table_empty),
        cmocka_unit_test(ps_list),
        cmocka_unit_test(az_table_banner_ansi_pager),
        cmocka_unit_test(az_default_output_table),
        cmocka_unit_test(split_invariant),
    };
    return cmocka_run_group_tests_name("azure", tests, NULL, NULL);
}
