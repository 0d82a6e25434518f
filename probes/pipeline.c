/* pipeline.c: splitting a command into stages, and the check of its output filters.
 *
 * The keyword lists are deliberately platform independent: a word that writes on any platform
 * starts a stage on all of them, because the cost of a wrong guess is asymmetric (an alternation
 * read as a stage is refused; a writing stage read as an alternation would be sent).  A read-only
 * filter word glued after a '|' ("BGP state|Last reset") stays alternation: at worst a device
 * reads it as one more read-only filter. */
#include "probes/pipeline.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "probes/pattern.h"

/* Stage words that write to the device, copy off it, send mail, or run a program or a shell.
 * Refused as a stage on every platform; any abbreviation of one starts a stage (IOS takes
 * "| red" for redirect, Junos "| sa" for save). */
static const char *const write_words[] = {
    "redirect", "tee", "append", "save", "request", "file", "copy", "write", "delete", "erase",
    "utility", "email", "mail", "sendmail", "run", "vsh", "shell", "start", "exec", "eval", "source",
    "env", "xargs", "sed", "awk", "gawk", "mawk", "nawk", "perl", "python", "ruby", "lua", "tclsh",
    "tcl", "wish", "php", "node", "nodejs", "expect", "sh", "ash", "bash", "dash", "ksh", "mksh",
    "csh", "tcsh", "zsh", "fish", "rbash", "busybox", "toybox", "sudo", "su", "doas", "nohup",
    "timeout", "watch", "scp", "sftp", "ftp", "tftp", "http", "https", "curl", "wget", "nc", "ncat",
    "netcat", "socat", "telnet", "ssh", "rsh", "dd", "rm", "rmdir", "mv", "cp", "ln", "chmod",
    "chown", "mkdir", "touch", "install", "truncate", "split", "logger", "crontab", "at", "systemctl",
    "service", "reload", "reboot", "shutdown", "halt", "poweroff", "kill", "pkill", "killall",
    "commit", "load", "rollback", "configure", "set", "clear", "debug", "vi", "vim", "ed", "nano",
    "emacs", NULL,
};

/* The stage words that write and that a CLI accepts abbreviated ("| red" is redirect on IOS,
 * "| sa" save on Junos): any prefix of one starts a stage.  The other write words (shells, text
 * tools) start a stage only when spelt out, so that "include State|AS path" stays one filter. */
static const char *const abbreviable_write_words[] = {
    "redirect", "tee", "append", "save", "request", "file", "copy", "utility", "email", NULL,
};

static bool is_blank(unsigned char c)
{
    return c <= ' ' || c >= 0x7f;
}

static bool is_word_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool is_alnum(unsigned char c)
{
    return is_word_char(c) && c != '-' && c != '_';
}

/* The first word in s[0..max): punctuation and blanks before it (quotes, '(', '^') are skipped
 * because they protect nothing; a '|' or the end stops the search (the word is then empty). */
static const char *first_word(const char *s, size_t max, size_t *len)
{
    size_t i = 0;
    while (i < max && s[i] && s[i] != '|' && !is_alnum((unsigned char)s[i]))
        i++;
    size_t n = 0;
    while (i + n < max && is_word_char((unsigned char)s[i + n]))
        n++;
    *len = n;
    return s + i;
}

static bool in_list(const char *const *list, const char *w, size_t len)
{
    for (size_t i = 0; len && list[i]; i++)
        if (strlen(list[i]) == len && strncasecmp(list[i], w, len) == 0)
            return true;
    return false;
}

static bool abbreviates_write_word(const char *w, size_t len)
{
    for (size_t i = 0; len && abbreviable_write_words[i]; i++)
        if (len <= strlen(abbreviable_write_words[i]) && strncasecmp(abbreviable_write_words[i], w, len) == 0)
            return true;
    return false;
}

/* The word itself, then its letters before any '-' or '_' ("tee-x"), then without trailing
 * digits ("python3", "perl5"): a device or a shell may read any of them as the keyword. */
static bool word_in(const char *const *list, const char *w, size_t len, size_t *stem)
{
    size_t head = 0;
    while (head < len && is_alnum((unsigned char)w[head]))
        head++;
    size_t bare = head;
    while (bare && w[bare - 1] >= '0' && w[bare - 1] <= '9')
        bare--;
    *stem = head;
    return in_list(list, w, len) || in_list(list, w, head) || in_list(list, w, bare);
}

bool pipeline_is_keyword(const char *word, size_t len)
{
    size_t stem;
    return word_in(write_words, word, len, &stem) || abbreviates_write_word(word, stem);
}

bool pipeline_stage_writes(const pipe_stage_t *s)
{
    size_t len, stem;
    const char *w = first_word(s->text, s->len, &len);
    return word_in(write_words, w, len, &stem);
}

/* Is the '|' at bar regular-expression alternation inside a filter argument?  Only when it is
 * glued to printable characters on both sides and no keyword follows it. */
static bool is_alternation(const char *line, const char *bar)
{
    if (bar == line || is_blank((unsigned char)bar[-1]) || bar[-1] == '|' || is_blank((unsigned char)bar[1]) ||
        bar[1] == '|')
        return false;
    size_t len;
    const char *w = first_word(bar + 1, (size_t)-1, &len);
    return !pipeline_is_keyword(w, len);
}

static pipe_stage_t trimmed(const char *start, const char *end)
{
    while (start < end && (*start == ' ' || *start == '\t'))
        start++;
    while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    return (pipe_stage_t){.text = start, .len = (size_t)(end - start)};
}

int pipeline_split(const char *line, pipeline_t *p, char *why, size_t whylen)
{
    const char *start = line;
    p->n = 0;
    for (const char *c = line;; c++) {
        /* alternation lives only inside a filter's argument, never in the head */
        if (*c && (*c != '|' || (p->n > 0 && is_alternation(line, c))))
            continue;
        if (p->n == PIPELINE_MAX_STAGES) {
            snprintf(why, whylen, "more than %d '|' stages", PIPELINE_MAX_STAGES - 1);
            return -1;
        }
        p->stage[p->n++] = trimmed(start, c);
        if (!*c)
            return 0;
        start = c + 1;
    }
}

/* A filter argument is a regular expression of plain characters, optionally in one pair of
 * double quotes (Junos): no quote inside, nothing a shell or the CLI would read as syntax. */
static bool filter_argument_ok(const char *arg, size_t len, char *why, size_t whylen)
{
    if (len > PIPELINE_MAX_ARG) {
        snprintf(why, whylen, "filter argument longer than %d characters", PIPELINE_MAX_ARG);
        return false;
    }
    const char *in = arg;
    size_t n = len;
    if (len >= 2 && arg[0] == '"' && arg[len - 1] == '"') {
        in++;
        n -= 2;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        if (!is_alnum(c) && (!c || !strchr(" ._:/|()^*+?[]%,=-", c))) {
            snprintf(why, whylen, "character '%c' is not allowed in the filter argument '%.*s'", c, (int)len, arg);
            return false;
        }
    }
    if (n == 0)
        snprintf(why, whylen, "empty filter argument");
    return n > 0;
}

static bool stage_allowed(const vendor_t *v, const pipe_stage_t *s, char *why, size_t whylen)
{
    int shown = s->len > 64 ? 64 : (int)s->len;
    rx_caps_t caps;
    const char *arg;
    size_t alen;
    if (s->len == 0)
        snprintf(why, whylen, "empty stage: a '|' with no output filter after it");
    else if (pipeline_stage_writes(s))
        snprintf(why, whylen, "stage '| %.*s' writes, copies or runs something: refused", shown, s->text);
    else if (!v->pipes)
        snprintf(why, whylen, "a %s command takes no '|' stage ('| %.*s')", v->name, shown, s->text);
    else if (pattern_match_any(v->pipes, s->text, s->len, &caps) < 0)
        snprintf(why, whylen, "output filter '| %.*s' is not allowed on %s", shown, s->text, v->name);
    else
        return !rx_named(&caps, "arg", &arg, &alen) || filter_argument_ok(arg, alen, why, whylen);
    return false;
}

/* A stage that writes is named first wherever it stands: "| match "x | save y"" is refused for
 * the save, not for the stray quote before it. */
bool pipeline_filters_allowed(const vendor_t *v, const pipeline_t *p, char *why, size_t whylen)
{
    for (size_t i = 1; i < p->n; i++)
        if (pipeline_stage_writes(&p->stage[i]))
            return stage_allowed(v, &p->stage[i], why, whylen);
    for (size_t i = 1; i < p->n; i++)
        if (!stage_allowed(v, &p->stage[i], why, whylen))
            return false;
    return true;
}
