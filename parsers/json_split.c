/* json_split.c: plans where a big JSON document is cut (one pass of a byte scanner), then
 * writes each piece: the path of containers from the root, their context, one run of members. */
#include "parsers/json_split.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 2048      /* jansson's own nesting limit */
#define MAX_CTX 16          /* context members a container passes down to its pieces */
#define MAX_CTX_BYTES 1024  /* and their total size */
#define MAX_LEAF_BYTES 512  /* a Junos leaf [{"data": ...}] longer than this is not context */

typedef struct {
    size_t s, e; /* text[s..e) */
} span_t;

typedef struct node node_t;

/* A container's members in order: runs of small ones, and the big ones as nodes. */
typedef struct {
    span_t run;    /* when child is NULL */
    bool content;  /* the run holds more than context (which every piece below carries) */
    node_t *child; /* a member bigger than a piece */
} item_t;

struct node {
    char open;   /* '{' or '[' */
    span_t key;  /* its member name in the parent object (quoted); empty in an array */
    span_t ctx[MAX_CTX];
    int n_ctx;
    size_t ctx_bytes;
    item_t *items;
    size_t n_items, cap_items;
};

enum expect { E_KEY_OR_CLOSE, E_KEY, E_COLON, E_VALUE_OR_CLOSE, E_VALUE, E_COMMA_OR_CLOSE };

/* A container being scanned.  Its node becomes part of the plan if it turns out big. */
typedef struct {
    node_t node;
    size_t open_at;
    enum expect expect;
    span_t cur_key;   /* the name of the member being read */
    size_t member_at; /* where that member starts: its name, or the element */
    item_t run;       /* consecutive small members not yet in node.items */
    bool run_open;
    bool has_scalar;    /* a member that is a scalar or a leaf: this may be a record */
    bool has_container; /* a member that is an object or an array */
    bool has_big;       /* a member that was cut itself */
    size_t members;
} frame_t;

typedef struct {
    const char *text;
    size_t len, max_piece;
    frame_t *frames;
    size_t depth, cap_frames;
    json_split_error_t *err;
} scan_t;

enum { STEP_MORE = 0, STEP_DONE = 1, STEP_CUT = 2, STEP_FAIL = -1 };

static bool is_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static int fail(scan_t *sc, size_t at, const char *why)
{
    sc->err->offset = at;
    sc->err->why = why;
    return STEP_FAIL;
}

static void free_node(node_t *n)
{
    for (size_t i = 0; i < n->n_items; i++)
        if (n->items[i].child) {
            free_node(n->items[i].child);
            free(n->items[i].child);
        }
    free(n->items);
}

static bool push_item(node_t *n, item_t it)
{
    if (n->n_items == n->cap_items) {
        size_t cap = n->cap_items ? n->cap_items * 2 : 8;
        item_t *p = realloc(n->items, cap * sizeof(*p));
        if (!p)
            return false;
        n->items = p;
        n->cap_items = cap;
    }
    n->items[n->n_items++] = it;
    return true;
}

static bool flush_run(frame_t *f)
{
    if (!f->run_open)
        return true;
    f->run_open = false;
    return push_item(&f->node, f->run);
}

/* Junos wraps every value: "table-name": [{"data": "inet.0"}].  Such a leaf is context. */
static bool is_leaf(const char *t, size_t s, size_t e)
{
    if (e - s > MAX_LEAF_BYTES || t[s] != '[')
        return false;
    size_t i = s + 1;
    while (i < e && is_blank(t[i]))
        i++;
    if (i >= e || t[i++] != '{')
        return false;
    while (i < e && is_blank(t[i]))
        i++;
    return e - i >= 6 && memcmp(t + i, "\"data\"", 6) == 0;
}

/* Notes what kind of member just ended; a scalar or leaf member of an object becomes
 * context while there is room.  Returns whether it did. */
static bool note_member(scan_t *sc, frame_t *f, span_t member, size_t value_at)
{
    node_t *n = &f->node;
    f->members++;
    char c = sc->text[value_at];
    bool scalar = (c != '{' && c != '[') || (n->open == '{' && is_leaf(sc->text, value_at, member.e));
    if (!scalar) {
        f->has_container = true;
        return false;
    }
    f->has_scalar = true;
    size_t bytes = member.e - member.s;
    if (n->open != '{' || n->n_ctx == MAX_CTX || n->ctx_bytes + bytes > MAX_CTX_BYTES)
        return false;
    n->ctx[n->n_ctx++] = member;
    n->ctx_bytes += bytes;
    return true;
}

/* A member of f ended at value_e: a big one joins the plan as a node, a small one extends the
 * current run (a new run starts when it would pass a piece). */
static int member_done(scan_t *sc, frame_t *f, size_t value_at, size_t value_e, node_t *big)
{
    f->expect = E_COMMA_OR_CLOSE;
    if (big) {
        f->has_big = f->has_container = true;
        f->members++;
        return flush_run(f) && push_item(&f->node, (item_t){.child = big}) ? STEP_MORE
                                                                            : fail(sc, value_e, "out of memory");
    }
    span_t m = {f->member_at, value_e};
    if (f->run_open && m.e - f->run.run.s <= sc->max_piece) {
        f->run.run.e = m.e;
    } else {
        if (!flush_run(f))
            return fail(sc, value_e, "out of memory");
        f->run = (item_t){.run = m, .content = false, .child = NULL};
        f->run_open = true;
    }
    if (!note_member(sc, f, m, value_at))
        f->run.content = true;
    return STEP_MORE;
}

static int push_frame(scan_t *sc, char open, size_t at, span_t key)
{
    if (sc->depth == MAX_DEPTH)
        return fail(sc, at, "nested too deeply");
    if (sc->depth == sc->cap_frames) {
        size_t cap = sc->cap_frames ? sc->cap_frames * 2 : 16;
        frame_t *p = realloc(sc->frames, cap * sizeof(*p));
        if (!p)
            return fail(sc, at, "out of memory");
        sc->frames = p;
        sc->cap_frames = cap;
    }
    frame_t *f = &sc->frames[sc->depth++];
    memset(f, 0, sizeof(*f));
    f->node.open = open;
    f->node.key = key;
    f->open_at = at;
    f->expect = open == '{' ? E_KEY_OR_CLOSE : E_VALUE_OR_CLOSE;
    return STEP_MORE;
}

/* The plan of a container that is big (or, at a cut, holds complete members): its node moved
 * to the heap with the last run flushed.  NULL when out of memory. */
static node_t *keep_node(frame_t *f)
{
    node_t *n = malloc(sizeof(*n));
    if (!n || !flush_run(f)) {
        free(n);
        return NULL;
    }
    *n = f->node;
    f->node.items = NULL;
    f->node.n_items = f->node.cap_items = 0;
    return n;
}

/* Whether a container that closed is cut into pieces: only when it is bigger than a piece,
 * and only where cutting keeps each record whole.  A container is cut around a member that
 * was cut itself (an EOS VRF around its routes).  Otherwise only a collection is cut: two or
 * more objects or arrays, with no scalar beside them (a record is an object with scalar
 * members, and is never cut between its own fields).  A Junos leaf is never cut. */
static bool cut_it(const scan_t *sc, const frame_t *f, size_t end)
{
    if (end - f->open_at <= sc->max_piece)
        return false;
    if (sc->depth >= 2 && sc->frames[sc->depth - 2].node.open == '{' && is_leaf(sc->text, f->open_at, end))
        return false;
    if (f->has_big)
        return true;
    return f->members >= 2 && f->has_container && !f->has_scalar;
}

/* The container on top closes at text[at]. */
static int close_frame(scan_t *sc, size_t at, node_t **root)
{
    frame_t *f = &sc->frames[sc->depth - 1];
    size_t end = at + 1;
    node_t *big = NULL;
    if (cut_it(sc, f, end)) {
        if (!(big = keep_node(f)))
            return fail(sc, at, "out of memory");
    }
    free_node(&f->node); /* an uncut container's runs are not needed; a cut one was moved */
    size_t open_at = f->open_at;
    if (--sc->depth == 0) {
        *root = big;
        return STEP_DONE;
    }
    return member_done(sc, &sc->frames[sc->depth - 1], open_at, end, big);
}

#define AT_END SIZE_MAX /* a token the input cut off */

/* The end of the string starting at t[i], 0 when it is not a JSON string, AT_END when the
 * input ends inside it. */
static size_t scan_string(const char *t, size_t i, size_t len)
{
    for (i++; i < len; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == '"')
            return i + 1;
        if (c == '\\')
            i++;
        else if (c < 0x20)
            return 0; /* a raw control byte: not JSON */
    }
    return AT_END;
}

/* true, false, null and numbers: their spelling is checked by jansson in the piece.  One that
 * runs to the end of the input may be cut ("12" of "123"): AT_END. */
static size_t scan_scalar(const char *t, size_t i, size_t len)
{
    size_t s = i;
    while (i < len && (strchr("+-.", t[i]) || (t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'z') ||
                       (t[i] >= 'A' && t[i] <= 'Z')))
        i++;
    return i == len ? AT_END : i > s ? i : 0;
}

static int value(scan_t *sc, frame_t *f, size_t *ip)
{
    size_t i = *ip, end;
    char c = sc->text[i];
    if (f->node.open == '[')
        f->member_at = i;
    if (c == '{' || c == '[') {
        span_t key = f->node.open == '{' ? f->cur_key : (span_t){0, 0};
        f->expect = E_COMMA_OR_CLOSE; /* once the child closes */
        *ip = i + 1;
        return push_frame(sc, c, i, key);
    }
    end = c == '"' ? scan_string(sc->text, i, sc->len) : scan_scalar(sc->text, i, sc->len);
    if (end == AT_END)
        return STEP_CUT;
    if (!end)
        return fail(sc, i, c == '"' ? "bad string" : "unexpected character");
    *ip = end;
    return member_done(sc, f, i, end, NULL);
}

/* One token at text[*ip] (not blank) in the container on top. */
static int step(scan_t *sc, size_t *ip, node_t **root)
{
    size_t i = *ip;
    char c = sc->text[i];
    frame_t *f = &sc->frames[sc->depth - 1];
    switch (f->expect) {
    case E_KEY_OR_CLOSE:
        if (c == '}') {
            *ip = i + 1;
            return close_frame(sc, i, root);
        }
        /* fall through */
    case E_KEY: {
        size_t end = c == '"' ? scan_string(sc->text, i, sc->len) : 0;
        if (end == AT_END)
            return STEP_CUT;
        if (!end)
            return fail(sc, i, "expected a member name");
        f->member_at = i;
        f->cur_key = (span_t){i, end};
        f->expect = E_COLON;
        *ip = end;
        return STEP_MORE;
    }
    case E_COLON:
        if (c != ':')
            return fail(sc, i, "expected ':'");
        f->expect = E_VALUE;
        *ip = i + 1;
        return STEP_MORE;
    case E_VALUE_OR_CLOSE:
        if (c == ']') {
            *ip = i + 1;
            return close_frame(sc, i, root);
        }
        /* fall through */
    case E_VALUE:
        return value(sc, f, ip);
    default: /* E_COMMA_OR_CLOSE */
        if (c == ',') {
            f->expect = f->node.open == '{' ? E_KEY : E_VALUE;
            *ip = i + 1;
            return STEP_MORE;
        }
        if (c == (f->node.open == '{' ? '}' : ']')) {
            *ip = i + 1;
            return close_frame(sc, i, root);
        }
        return fail(sc, i, "expected ',' or a closing bracket");
    }
}

/* The text ended inside the document.  From the innermost container out: one with no
 * complete member handed on yet and smaller than a piece is an unfinished member of its
 * parent and is dropped; the first one kept, and every one around it, keep their complete
 * members.  Returns the root's plan, or NULL when nothing complete remains. */
static node_t *cut_short(scan_t *sc)
{
    node_t *child = NULL;
    for (; sc->depth; sc->depth--) {
        frame_t *f = &sc->frames[sc->depth - 1];
        node_t *n = NULL;
        if (child || f->node.n_items || sc->len - f->open_at > sc->max_piece) {
            if (!child || (flush_run(f) && push_item(&f->node, (item_t){.child = child})))
                n = keep_node(f);
            else
                free_node(child), free(child); /* out of memory: this branch is lost */
        }
        free_node(&f->node);
        child = n;
    }
    return child;
}

static void free_frames(scan_t *sc)
{
    for (size_t d = 0; d < sc->depth; d++)
        free_node(&sc->frames[d].node);
    free(sc->frames);
}

/* Scans the document into *root: NULL when it fits one piece.  Returns STEP_DONE, or
 * STEP_FAIL with the error (after a cut, *root holds what was complete). */
static int plan(scan_t *sc, node_t **root)
{
    *root = NULL;
    int rc = push_frame(sc, sc->text[0], 0, (span_t){0, 0});
    size_t i = 1;
    while (rc == STEP_MORE) {
        while (i < sc->len && is_blank(sc->text[i]))
            i++;
        if (i >= sc->len)
            break;
        rc = step(sc, &i, root);
    }
    if (rc == STEP_MORE || rc == STEP_CUT) {
        rc = fail(sc, sc->len, "unexpected end of input");
        sc->err->cut_short = true;
        *root = cut_short(sc);
    }
    free_frames(sc);
    return rc;
}

/* ---- writing the pieces ---- */

typedef struct {
    const char *text;
    json_piece_fn fn;
    void *ud;
    char *buf;
    size_t len, cap;
    json_split_error_t *err;
    const node_t *path[MAX_DEPTH]; /* root .. the container whose run is written */
    size_t depth;
} writer_t;

static void put(writer_t *w, const char *s, size_t n)
{
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 4096;
        while (cap < w->len + n)
            cap *= 2;
        char *p = realloc(w->buf, cap);
        if (!p) {
            w->err->why = "out of memory";
            w->err->cut_short = false;
            return;
        }
        w->buf = p;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static void put_span(writer_t *w, span_t sp)
{
    put(w, w->text + sp.s, sp.e - sp.s);
}

/* {ctx..., "key": {ctx..., "key": [run]}} for the containers on the path. */
static int write_piece(writer_t *w, span_t run)
{
    w->len = 0;
    for (size_t d = 0; d < w->depth; d++) {
        const node_t *n = w->path[d];
        put(w, &n->open, 1);
        for (int k = 0; k < n->n_ctx; k++) {
            put_span(w, n->ctx[k]);
            put(w, ",", 1); /* something always follows: a member on the path, or the run */
        }
        if (d + 1 == w->depth) {
            put_span(w, run);
        } else if (n->open == '{') {
            put_span(w, w->path[d + 1]->key);
            put(w, ":", 1);
        }
    }
    for (size_t d = w->depth; d-- > 0;)
        put(w, w->path[d]->open == '{' ? "}" : "]", 1);
    put(w, "", 1); /* a NUL after the piece, as after the whole text */
    w->len--;
    return w->err->why ? -1 : w->fn(w->ud, w->buf, w->len);
}

static int write_node(writer_t *w, const node_t *n)
{
    int rc = 0;
    w->path[w->depth++] = n;
    for (size_t i = 0; i < n->n_items && !rc; i++) {
        const item_t *it = &n->items[i];
        if (it->child)
            rc = write_node(w, it->child);
        else if (it->content) /* context alone is in every piece below: not a piece of its own */
            rc = write_piece(w, it->run);
    }
    w->depth--;
    return rc;
}

size_t json_split_start(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\t'))
            i++;
        if (i < len && (text[i] == '{' || text[i] == '['))
            return i;
        const char *nl = memchr(text + i, '\n', len - i);
        i = nl ? (size_t)(nl - text) + 1 : len;
    }
    return len;
}

int json_split(const char *text, size_t len, size_t max_piece, json_piece_fn fn, void *ud, json_split_error_t *err)
{
    memset(err, 0, sizeof(*err));
    if (len == 0 || (text[0] != '{' && text[0] != '[')) {
        err->why = "no JSON document";
        return -1;
    }
    scan_t sc = {.text = text, .len = len, .max_piece = max_piece ? max_piece : 1, .err = err};
    node_t *root;
    int rc = plan(&sc, &root);
    if (rc == STEP_FAIL && !root)
        return -1;
    const char *why = err->why; /* a cut: the complete pieces are still written */
    err->why = NULL;
    writer_t *w = calloc(1, sizeof(*w));
    int wrc = -1;
    if (w) {
        *w = (writer_t){.text = text, .fn = fn, .ud = ud, .err = err};
        wrc = root ? write_node(w, root) : fn(ud, text, len); /* one piece: the whole */
        free(w->buf);
        free(w);
    } else {
        err->why = "out of memory";
    }
    if (!err->why)
        err->why = why;
    if (root) {
        free_node(root);
        free(root);
    }
    if (wrc)
        return wrc;
    return rc == STEP_FAIL ? -1 : 0;
}
