/* compose_merge_meta.c: merging what every element carries (cmeta):
 * the description most subgraphs agree on (Apollo's mergeDescription, with
 * its INCONSISTENT_DESCRIPTION hint), @inaccessible when any subgraph says
 * so, the union of @tag names, the first @deprecated, and pass-through
 * directives with repeated identical applications kept once. */
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

/* A repeatable directive keeps each distinct application, another only its first. */
static bool has_applied(compose_ctx *c, const cmeta *m, const capplied *p)
{
    /* merged by value once all are in (compose_merge_access.c, compose_merge_cost.c) */
    if (!strcmp(p->name, "requiresScopes") || !strcmp(p->name, "policy") ||
        !strcmp(p->name, "cost") || !strcmp(p->name, "listSize"))
        return false;
    const char *text = p->repeatable ? applied_text(c->arena, p) : NULL;
    for (uint32_t i = 0; i < m->napplied; i++) {
        if (strcmp(m->applied[i].name, p->name)) continue;
        if (!p->repeatable || !strcmp(applied_text(c->arena, &m->applied[i]), text)) return true;
    }
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

const char *cm_merge_description(const char *const *descriptions, uint32_t n)
{
    /* the most frequent; the empty string loses to any other; ties go to the first */
    const char *best = NULL;
    int best_count = 0;
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
    return best;
}
