/* compose_merge_meta.c: merging what every element carries (cmeta): the
 * description most subgraphs agree on (Apollo's mergeDescription, with its
 * INCONSISTENT_DESCRIPTION hint when two or more differ), @inaccessible when
 * any subgraph says so, the union of @tag names, and pass-through directives
 * (repeatable ones with identical applications kept once). */
#include <string.h>

#include "compose_merge.h"
#include "printer.h"
#include "sbuf.h"

static bool has_tag(const cmeta *m, const char *tag)
{
    for (uint32_t i = 0; i < m->ntags; i++)
        if (!strcmp(m->tags[i], tag)) return true;
    return false;
}

static char *applied_text(arena *a, const capplied *p)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "@%s", p->name);
    ast_directive copy = *p->dir;
    copy.next = NULL;
    copy.name = "";
    sbuf out;
    sbuf_init(&out);
    print_directives(&out, &copy);
    /* print_directives wrote "@(args)"; keep what follows the '@' */
    if (out.len > 1) sbuf_append(&b, out.data + 1, out.len - 1);
    char *text = arena_strndup(a, b.data, b.len);
    sbuf_free(&out);
    sbuf_free(&b);
    return text;
}

/* A repeatable directive keeps each distinct application; a non-repeatable
 * one keeps them all until compose_merge_applied.c merges them into one. */
static bool has_applied(compose_ctx *c, const cmeta *m, const capplied *p)
{
    if (!p->repeatable) return false;
    const char *text = applied_text(c->arena, p);
    for (uint32_t i = 0; i < m->napplied; i++)
        if (!strcmp(m->applied[i].name, p->name) &&
            !strcmp(applied_text(c->arena, &m->applied[i]), text))
            return true;
    return false;
}

void cm_meta_add(compose_ctx *c, cmeta *into, const cmeta *from)
{
    into->inaccessible |= from->inaccessible;
    if (from->deprecated && !into->deprecated) {
        into->deprecated = true;
        into->deprecation_reason = from->deprecation_reason;
    }
    if (from->ntags) {
        const char **tags = ARENA_ARRAY(c->arena, const char *, into->ntags + from->ntags);
        if (into->ntags) memcpy(tags, into->tags, sizeof *tags * into->ntags);
        into->tags = tags;
        for (uint32_t i = 0; i < from->ntags; i++)
            if (!has_tag(into, from->tags[i])) into->tags[into->ntags++] = from->tags[i];
    }
    if (from->napplied) {
        capplied *applied = ARENA_ARRAY(c->arena, capplied, into->napplied + from->napplied);
        if (into->napplied) memcpy(applied, into->applied, sizeof *applied * into->napplied);
        into->applied = applied;
        for (uint32_t i = 0; i < from->napplied; i++)
            if (!has_applied(c, into, &from->applied[i]))
                into->applied[into->napplied++] = from->applied[i];
    }
    if (!into->loc.line) into->loc = from->loc;
}

/* Apollo's descriptionString: the text between triple quotes, indented; only
 * its first line break is indented (Apollo replaces the first "\n" only). */
static void description_block(sbuf *b, const char *d)
{
    const char *nl = strchr(d, '\n');
    sbuf_puts(b, "  \"\"\"\n  ");
    if (nl) {
        sbuf_append(b, d, (size_t)(nl - d));
        sbuf_puts(b, "\n  ");
        sbuf_puts(b, nl + 1);
    } else {
        sbuf_puts(b, d);
    }
    sbuf_puts(b, "\n  \"\"\"");
}

/* INCONSISTENT_DESCRIPTION: the one kept first, then each other one, with their subgraphs. */
static void hint_descriptions(compose_ctx *c, const char *coordinate,
                              const char *const *descriptions, const char *kept)
{
    const char **distinct = ARENA_ARRAY(c->arena, const char *, c->nsubs + 1);
    uint32_t n = 0;
    distinct[n++] = kept;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        bool seen = !descriptions[i];
        for (uint32_t k = 0; k < n && !seen; k++)
            seen = !strcmp(distinct[k], descriptions[i]);
        if (!seen) distinct[n++] = descriptions[i];
    }
    sbuf b;
    sbuf_init(&b);
    bool *in = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t k = 0; k < n; k++) {
        for (uint32_t i = 0; i < c->nsubs; i++)
            in[i] = descriptions[i] && !strcmp(descriptions[i], distinct[k]);
        if (k == 0)
            sbuf_printf(&b, "The supergraph will use description (from %s):\n",
                        cm_subgraph_names_where(c, in));
        else
            sbuf_printf(&b, "%s\nIn %s, the description is:\n", k > 1 ? " and " : "",
                        cm_subgraph_names_where(c, in));
        description_block(&b, distinct[k]);
    }
    compose_hint(c, "INCONSISTENT_DESCRIPTION", NULL, (src_loc){0, 0},
                 "Element \"%s\" has inconsistent descriptions across subgraphs. %s", coordinate,
                 b.data);
    sbuf_free(&b);
}

const char *cm_merge_description(compose_ctx *c, const char *coordinate,
                                 const char *const *descriptions)
{
    /* the most frequent; the empty string loses to any other; ties go to the first */
    const char *best = NULL;
    int best_count = 0;
    uint32_t n = c->nsubs, distinct = 0, non_empty = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!descriptions[i]) continue;
        bool seen = false;
        for (uint32_t j = 0; j < i && !seen; j++)
            seen = descriptions[j] && !strcmp(descriptions[j], descriptions[i]);
        if (seen) continue;
        distinct++;
        non_empty += descriptions[i][0] != '\0';
    }
    for (uint32_t i = 0; i < n; i++) {
        const char *d = descriptions[i];
        if (!d) continue;
        int count = 0;
        for (uint32_t j = 0; j < n; j++)
            if (descriptions[j] && !strcmp(descriptions[j], d)) count++;
        if (!d[0]) count = -1;
        if (!best || count > best_count) {
            best = d;
            best_count = count;
        }
    }
    if (coordinate && distinct > 1 && non_empty != 1)
        hint_descriptions(c, coordinate, descriptions, best);
    return best;
}
