/* fuzz_inventory.c: a libFuzzer target over the inventory loader (inih, our line reader, every
 * value check, groups and their precedence, the device.ini writer on what loaded) and the
 * password_command splitter.  The text is loaded from a string, which has no directory: an
 * include in it is refused, so fuzz input never makes the loader read a file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmdline.h"
#include "core/inventory.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Nothing but the text was read: every device, group and error is of "fuzz.ini". */
static void only_the_text(const char *where)
{
    if (strncmp(where, "fuzz.ini", 8) != 0 || (where[8] && where[8] != ':')) {
        fprintf(stderr, "read from somewhere else than the text: %s\n", where);
        abort();
    }
}

/* What loaded must write out as a section that loads again. */
static void round_trip(const inventory_t *inv)
{
    char *text = NULL, err[600];
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return;
    for (size_t i = 0; i < inv->n_devices; i++)
        inventory_write_device(f, &inv->devices[i]);
    fclose(f);
    inventory_t back;
    if (inventory_load_string(&back, "device.ini", text, err, sizeof(err)) != 0 || back.n_devices != inv->n_devices) {
        fprintf(stderr, "written inventory does not load back: %s\n%s", err, text);
        abort();
    }
    inventory_free(&back);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1), err[600];
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0'; /* an embedded NUL ends the text, as a C string does */
    inventory_t inv;
    if (inventory_load_string(&inv, "fuzz.ini", text, err, sizeof(err)) == 0) {
        for (size_t i = 0; i < inv.n_devices; i++)
            only_the_text(inv.devices[i].file);
        for (size_t i = 0; i < inv.n_groups; i++)
            only_the_text(inv.groups[i].file);
        round_trip(&inv);
        inventory_free(&inv);
    } else {
        only_the_text(err); /* an error in another file would name it */
    }
    cmdline_t cl;
    if (cmdline_split(text, "/home/fuzz", &cl, err, sizeof(err)) == 0 && (cl.argc < 1 || cl.argv[cl.argc]))
        abort();
    free(text);
    return 0;
}
