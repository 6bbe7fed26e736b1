/* compose_print_spec.c: the definitions the supergraph's linked specs bring
 * (link v1.0, join v0.3..v0.5, tag v0.3, inaccessible v0.2), as the text
 * Apollo prints for them. Each is one definition; compose_print.c sorts them
 * with the subgraphs' types. */
#include <string.h>

#include "compose_print.h"

static const cp_definition link_definitions[] = {
    {"link", true,
     "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) "
     "repeatable on SCHEMA"},
    {"link__Import", false, "scalar link__Import"},
    {"link__Purpose", false,
     "enum link__Purpose {\n"
     "  \"\"\"\n"
     "  `SECURITY` features provide metadata necessary to securely resolve fields.\n"
     "  \"\"\"\n"
     "  SECURITY\n"
     "\n"
     "  \"\"\"\n"
     "  `EXECUTION` features provide metadata necessary for operation execution.\n"
     "  \"\"\"\n"
     "  EXECUTION\n"
     "}"},
};

/* join definitions; since = the first join minor version that has it, until =
 * the last one (0 = still there) */
typedef struct join_definition {
    unsigned since, until;
    cp_definition def;
} join_definition;

static const join_definition join_definitions[] = {
    {4,
     0,
     {"join__directive", true,
      "directive @join__directive(graphs: [join__Graph!], name: String!, args: "
      "join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION"}},
    {3,
     0,
     {"join__enumValue", true,
      "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE"}},
    {3,
     3,
     {"join__field", true,
      "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: "
      "join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: "
      "Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION"}},
    {4,
     4,
     {"join__field", true,
      "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: "
      "join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: "
      "Boolean, overrideLabel: String) repeatable on FIELD_DEFINITION | "
      "INPUT_FIELD_DEFINITION"}},
    {5,
     0,
     {"join__field", true,
      "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: "
      "join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: "
      "Boolean, overrideLabel: String, contextArguments: [join__ContextArgument!]) repeatable "
      "on FIELD_DEFINITION | INPUT_FIELD_DEFINITION"}},
    {3,
     0,
     {"join__graph", true, "directive @join__graph(name: String!, url: String!) on ENUM_VALUE"}},
    {3,
     0,
     {"join__implements", true,
      "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on "
      "OBJECT | INTERFACE"}},
    {3,
     0,
     {"join__type", true,
      "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = "
      "false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on "
      "OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR"}},
    {3,
     0,
     {"join__unionMember", true,
      "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION"}},
    {5,
     0,
     {"join__ContextArgument", false,
      "input join__ContextArgument {\n"
      "  name: String!\n"
      "  type: String!\n"
      "  context: String!\n"
      "  selection: join__FieldValue!\n"
      "}"}},
    {4, 0, {"join__DirectiveArguments", false, "scalar join__DirectiveArguments"}},
    {3, 0, {"join__FieldSet", false, "scalar join__FieldSet"}},
    {5, 0, {"join__FieldValue", false, "scalar join__FieldValue"}},
};

/* The specs federation directives pass through to, in the order Apollo links
 * them (the order of the federation spec's directives). */
typedef struct spec_feature {
    cfed_dir dir;     /* the directive whose use brings the spec in */
    const char *link; /* the @link line */
    cp_definition defs[3];
} spec_feature;

static const spec_feature spec_features[] = {
    {CFED_TAG,
     "  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n",
     {{"tag", true,
       "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | "
       "UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | "
       "INPUT_FIELD_DEFINITION | SCHEMA"}}},
    {CFED_INACCESSIBLE,
     "  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n",
     {{"inaccessible", true,
       "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | "
       "ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | "
       "INPUT_FIELD_DEFINITION"}}},
    {CFED_AUTHENTICATED,
     "  @link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)\n",
     {{"authenticated", true,
       "directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"}}},
    {CFED_REQUIRES_SCOPES,
     "  @link(url: \"https://specs.apollo.dev/requiresScopes/v0.1\", for: SECURITY)\n",
     {{"requiresScopes", true,
       "directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | "
       "OBJECT | INTERFACE | SCALAR | ENUM"},
      {"requiresScopes__Scope", false, "scalar requiresScopes__Scope"}}},
    {CFED_POLICY,
     "  @link(url: \"https://specs.apollo.dev/policy/v0.1\", for: SECURITY)\n",
     {{"policy", true,
       "directive @policy(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION | OBJECT | "
       "INTERFACE | SCALAR | ENUM"},
      {"policy__Policy", false, "scalar policy__Policy"}}},
    {CFED_CONTEXT,
     "  @link(url: \"https://specs.apollo.dev/context/v0.1\", for: SECURITY)\n",
     {{"context", true,
       "directive @context(name: String!) repeatable on INTERFACE | OBJECT | UNION"},
      {"context__fromContext", true,
       "directive @context__fromContext(field: context__ContextFieldValue) on "
       "ARGUMENT_DEFINITION"},
      {"context__ContextFieldValue", false, "scalar context__ContextFieldValue"}}},
};

#define COST_DEFINITION                                                                            \
    "directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | "            \
    "INPUT_FIELD_DEFINITION | OBJECT | SCALAR"
#define LIST_SIZE_ARGUMENTS                                                                        \
    "(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], "                     \
    "requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION"

static void print_composed_links(sbuf *out, const cmerged *m)
{
    for (uint32_t i = 0; i < m->ndirectives; i++) {
        const cdirective *d = m->directives[i].def;
        if (!d->composed || !d->link_url) continue;
        bool first = true;
        for (uint32_t j = 0; j < i && first; j++)
            first = !m->directives[j].def->composed || !m->directives[j].def->link_url ||
                    strcmp(m->directives[j].def->link_url, d->link_url);
        if (!first) continue;
        sbuf_printf(out, "  @link(url: \"%s\", import: [", d->link_url);
        uint32_t n = 0;
        for (uint32_t j = i; j < m->ndirectives; j++) {
            const cdirective *e = m->directives[j].def;
            if (!e->composed || !e->link_url || strcmp(e->link_url, d->link_url)) continue;
            if (n++) sbuf_puts(out, ", ");
            if (!strcmp(e->name, e->link_name))
                sbuf_printf(out, "\"@%s\"", e->name);
            else
                sbuf_printf(out, "{name: \"@%s\", as: \"@%s\"}", e->link_name, e->name);
        }
        sbuf_puts(out, "])\n");
    }
}

void cp_spec_links(sbuf *out, const cmerged *m)
{
    sbuf_puts(out, "  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n");
    sbuf_printf(out, "  @link(url: \"https://specs.apollo.dev/join/v0.%u\", for: EXECUTION)\n",
                m->join_minor);
    for (size_t i = 0; i < sizeof spec_features / sizeof *spec_features; i++)
        if (m->uses[spec_features[i].dir]) sbuf_puts(out, spec_features[i].link);
    if (m->uses[CFED_LIST_SIZE])
        sbuf_puts(out, "  @link(url: \"https://specs.apollo.dev/cost/v0.1\", import: "
                       "[\"@listSize\"])\n");
    else if (m->uses[CFED_COST])
        sbuf_puts(out, "  @link(url: \"https://specs.apollo.dev/cost/v0.1\")\n");
    print_composed_links(out, m);
}

uint32_t cp_spec_definitions(const cmerged *m, cp_definition *out)
{
    uint32_t n = 0;
    for (size_t i = 0; i < sizeof link_definitions / sizeof *link_definitions; i++)
        out[n++] = link_definitions[i];
    for (size_t i = 0; i < sizeof join_definitions / sizeof *join_definitions; i++) {
        const join_definition *j = &join_definitions[i];
        if (m->join_minor >= j->since && (!j->until || m->join_minor <= j->until))
            out[n++] = j->def;
    }
    for (size_t i = 0; i < sizeof spec_features / sizeof *spec_features; i++) {
        if (!m->uses[spec_features[i].dir]) continue;
        for (int k = 0; k < 3 && spec_features[i].defs[k].name; k++)
            out[n++] = spec_features[i].defs[k];
    }
    if (m->uses[CFED_COST] || m->uses[CFED_LIST_SIZE]) {
        out[n++] = (cp_definition){"cost", true, COST_DEFINITION};
        out[n++] =
            m->uses[CFED_LIST_SIZE]
                ? (cp_definition){"listSize", true, "directive @listSize" LIST_SIZE_ARGUMENTS}
                : (cp_definition){"cost__listSize", true,
                                  "directive @cost__listSize" LIST_SIZE_ARGUMENTS};
    }
    return n;
}
