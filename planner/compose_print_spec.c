/* compose_print_spec.c: the definitions the supergraph's linked specs bring
 * (link v1.0, join v0.3..v0.5, tag v0.3, inaccessible v0.2), as the text
 * Apollo prints for them. Each is one definition; compose_print.c sorts them
 * with the subgraphs' types. */
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

static const cp_definition inaccessible_definition = {
    "inaccessible", true,
    "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | "
    "ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION"};

static const cp_definition tag_definition = {
    "tag", true,
    "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION "
    "| ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION "
    "| SCHEMA"};

void cp_spec_links(sbuf *out, const cmerged *m)
{
    sbuf_puts(out, "  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n");
    sbuf_printf(out, "  @link(url: \"https://specs.apollo.dev/join/v0.%u\", for: EXECUTION)\n",
                m->join_minor);
    if (m->uses_tag) sbuf_puts(out, "  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n");
    if (m->uses_inaccessible)
        sbuf_puts(out, "  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: "
                       "SECURITY)\n");
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
    if (m->uses_inaccessible) out[n++] = inaccessible_definition;
    if (m->uses_tag) out[n++] = tag_definition;
    return n;
}
