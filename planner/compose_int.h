/* compose_int.h: composition's internal model, shared by the driver
 * (compose.c), the subgraph reader (compose_subgraph*.c), the merger
 * (compose_merge*.c), the printer (compose_print*.c) and the checks
 * (compose_check*.c).
 *
 * A subgraph is read into a csub: its types, fields, arguments and enum
 * values with what federation says of each (keys, @shareable, @external,
 * @requires, ...), federation directives recognised under their local names
 * (after @link(import:) renames and `as:` namespaces), Federation 1 rules
 * already applied, root types already renamed to Query/Mutation/Subscription.
 * The merger turns the csubs into one cmerged, which the printer writes as the
 * supergraph. Everything lives in compose_ctx.arena and is read-only once
 * built; arrays indexed by subgraph have compose_ctx.nsubs entries, in
 * subgraph name order (Apollo's order, which is also join__Graph's). */
#ifndef FM_COMPOSE_INT_H
#define FM_COMPOSE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "compose.h"
#include "diag.h"
#include "schema.h"
#include "strmap.h"

/* The federation directives, by their name in the federation spec. */
typedef enum cfed_dir {
    CFED_KEY,
    CFED_REQUIRES,
    CFED_PROVIDES,
    CFED_EXTERNAL,
    CFED_SHAREABLE,
    CFED_EXTENDS,
    CFED_OVERRIDE,
    CFED_INACCESSIBLE,
    CFED_TAG,
    CFED_INTERFACE_OBJECT,
    CFED_COMPOSE_DIRECTIVE,
    CFED_CONTEXT,
    CFED_FROM_CONTEXT,
    CFED_AUTHENTICATED,
    CFED_REQUIRES_SCOPES,
    CFED_POLICY,
    CFED_COST,
    CFED_LIST_SIZE,
    CFED_COUNT
} cfed_dir;

/* "key", "requires", ...: the spec name of each cfed_dir. */
extern const char *const cfed_dir_names[CFED_COUNT];
/* The federation 2 minor version that introduced each directive (2.0 = 0). */
extern const uint8_t cfed_dir_since[CFED_COUNT];

/* A directive application passed through to the supergraph as is
 * (@authenticated, @requiresScopes, @policy, @cost, @listSize and the
 * directives named by @composeDirective). */
typedef struct capplied {
    const char *name;         /* its name in the supergraph, without '@' */
    const ast_directive *dir; /* as written in the subgraph (arguments) */
    bool repeatable;          /* several applications may stay on one element */
} capplied;

/* What every element (type, field, argument, enum value) may carry. */
typedef struct cmeta {
    const char *description;        /* NULL when absent */
    src_loc loc;                    /* where its name is */
    bool inaccessible;              /* @inaccessible */
    bool deprecated;                /* @deprecated */
    const char *deprecation_reason; /* its reason: argument; NULL = none given */
    const char **tags;              /* @tag(name:) values, in order */
    uint32_t ntags;
    capplied *applied; /* pass-through directives (@tag and @deprecated too), in order */
    uint32_t napplied;
} cmeta;

/* A @key on a type. */
typedef struct ckey {
    const char *fields;       /* the fields: argument as written */
    ast_selection *selection; /* parsed; NULL when it does not parse */
    bool resolvable;          /* resolvable: argument (default true) */
    bool resolvable_written;  /* the argument was given (Apollo prints it back then) */
    bool extension;           /* on an `extend type` or a type with @extends */
    src_loc loc;              /* the @key application */
} ckey;

typedef struct ctype ctype;

/* A field of an object or interface, an input field, or an argument (of a
 * field or a directive definition): one shape, like schema_field. */
typedef struct cfield {
    const char *name;
    cmeta m;
    const ast_type *type;
    struct cfield *args; /* fields of objects and interfaces: their arguments */
    uint32_t nargs;
    const ast_value *default_value; /* arguments and input fields; NULL if none */
    ctype *parent;                  /* NULL for directive arguments */
    bool in_extension;              /* written inside `extend type` (or a type with @extends) */
    bool external;                  /* @external (or implied by a Federation 1 type extension) */
    bool shareable;                 /* @shareable here or on the type, or Federation 1 */
    const char *requires;           /* @requires(fields:) text; NULL when absent */
    ast_selection *requires_sel;    /* parsed; NULL when absent or unparsable */
    const char *provides;           /* @provides(fields:) text */
    ast_selection *provides_sel;
    src_loc requires_loc, provides_loc;
    const char *override_from;  /* @override(from:); NULL when absent */
    const char *override_label; /* @override(label:); NULL when absent */
    src_loc override_loc;
    const char *from_context; /* arguments: @fromContext(field:) text; NULL when absent */
    bool used;                /* a @key, @requires or @provides of the subgraph selects it */
    bool provided;            /* a @provides selects it: external yet resolvable there */
} cfield;

typedef struct cvalue {
    const char *name;
    cmeta m;
} cvalue;

/* A name in a list (implemented interfaces, union members), where written. */
typedef struct cname {
    const char *name;
    src_loc loc;
} cname;

/* A named type of one subgraph, its definition and extensions together. */
struct ctype {
    const char *name; /* root types already renamed: Query, Mutation, Subscription */
    schema_kind kind; /* as written: an @interfaceObject type is SCHEMA_OBJECT here */
    cmeta m;
    uint32_t index;        /* in csub.types */
    bool has_definition;   /* some definition that is not `extend` */
    bool has_extension;    /* some `extend` block */
    bool extends;          /* @extends applied */
    bool shareable;        /* @shareable on the type */
    bool interface_object; /* @interfaceObject */
    bool only_unused_externals; /* Federation 1: all its fields were unused @external */
    int root;              /* the ast_operation_type it is root for; -1 = none */
    ckey *keys;            /* @key, in order */
    uint32_t nkeys;
    const char **contexts; /* @context(name:) */
    uint32_t ncontexts;
    cfield *fields; /* object, interface, input object; in document order */
    uint32_t nfields;
    strmap field_map;  /* name -> cfield* */
    cname *interfaces; /* object, interface */
    uint32_t ninterfaces;
    cname *members; /* union */
    uint32_t nmembers;
    cvalue *values; /* enum */
    uint32_t nvalues;
    const char *specified_by; /* scalar: @specifiedBy(url:) */
};

/* A directive definition the subgraph wrote that is neither federation's nor
 * link's (custom directives, merged when executable or composed). */
typedef struct cdirective {
    const char *name;
    const char *description;
    cfield *args;
    uint32_t nargs;
    bool repeatable;
    uint32_t locations;             /* schema_location bits */
    bool composed;                  /* named by @composeDirective */
    const ast_name *location_names; /* as written, for printing */
    const char *link_url;           /* composed: the @link(url:) that imports it; NULL = none */
    const char *link_name;          /* composed: its name in that spec, without '@' */
    src_loc loc;
} cdirective;

/* One subgraph, read and normalized. */
typedef struct csub {
    const char *name; /* as given */
    const char *url;
    uint32_t index;          /* position in name order */
    const char *graph_value; /* its join__Graph value: "ACCOUNTS" */
    bool fed2;               /* it @links the federation spec */
    uint32_t fed_minor;      /* federation 2.x it links (or is upgraded to) */
    /* local name of each federation directive ("key", "fed__key", ...);
     * NULL when the subgraph cannot use it */
    const char *dir_names[CFED_COUNT];
    strmap dir_by_local; /* local name -> (cfed_dir + 1) as a pointer-sized int */
    ctype *types;        /* in document order of first appearance */
    uint32_t ntypes;
    strmap type_map;           /* name -> ctype* */
    ctype *dropped;            /* Federation 1: types the upgrade removed (compose_subgraph_fed1.c) */
    uint32_t ndropped;
    const char *root_names[3]; /* the names the subgraph gave its root types */
    cdirective *directives;    /* custom directive definitions */
    uint32_t ndirectives;
    strmap directive_map; /* name -> cdirective* */
    const ast_document *doc;
} csub;

/* One subgraph's side of a merged field. */
typedef struct cmsource {
    const cfield *field; /* NULL when the subgraph lacks the field */
    bool listed;         /* the subgraph has the parent type (or an interface object of it) */
    const char *override_label; /* progressive @override label on either side, or NULL */
    bool used_overridden;       /* overridden away but still used by its keys/requires */
    bool overridden;            /* overridden away (plain @override in another subgraph) */
} cmsource;

typedef struct cmtype cmtype;

/* A merged field, input field or argument. */
typedef struct cmfield {
    const char *name;
    cmeta m;
    const ast_type *type; /* the merged type */
    struct cmfield *args;
    uint32_t nargs;
    const ast_value *default_value;
    cmsource *src; /* [nsubs] */
    cmtype *parent;
    bool join_field;      /* needs @join__field applications */
    bool types_differ;    /* subgraphs disagree on the type: @join__field(type:) */
    bool bare_join_field; /* added for an @interfaceObject: a lone @join__field */
} cmfield;

typedef struct cmvalue {
    const char *name;
    cmeta m;
    bool *in; /* [nsubs]: the subgraph defines the value */
} cmvalue;

/* How a merged enum is used: it decides how its values merge. */
enum { CM_USED_INPUT = 1, CM_USED_OUTPUT = 2 };

struct cmtype {
    const char *name;
    schema_kind kind; /* an interface when any subgraph has it as @interfaceObject */
    cmeta m;
    ctype **src; /* [nsubs]: the subgraph's type, NULL when absent or of another kind */
    cmfield *fields;
    uint32_t nfields;
    cname *interfaces; /* object, interface */
    uint32_t ninterfaces;
    cname *members;
    uint32_t nmembers;
    cmvalue *values;
    uint32_t nvalues;
    unsigned enum_usage;                                  /* CM_USED_* bits */
    const char *enum_input_example, *enum_output_example; /* a first use: "Query.f(a:)" */
    const char *specified_by;                             /* scalar */
    int root;                                             /* ast_operation_type, -1 = none */
};

/* A directive definition the supergraph keeps: a composed one (@composeDirective),
 * printed as its first subgraph wrote it, or an executable one every subgraph
 * defines, with the locations and arguments they share. */
typedef struct cmdirective {
    const cdirective *def; /* the first subgraph's definition */
    bool executable;       /* merged as an executable directive */
    bool repeatable;       /* composed: as defined; executable: repeatable everywhere */
    uint32_t locations;    /* executable: the locations every subgraph has */
    const cfield **args;   /* executable: the arguments every subgraph has */
    uint32_t nargs;
} cmdirective;

/* The supergraph, before printing. */
typedef struct cmerged {
    cmtype *types; /* in order of first appearance over subgraphs */
    uint32_t ntypes;
    strmap type_map; /* name -> cmtype* */
    cmdirective *directives;
    uint32_t ndirectives;
    uint32_t join_minor;   /* join spec v0.x the supergraph links: 3, 4 or 5 */
    bool uses[CFED_COUNT]; /* some subgraph applies it: link its spec */
} cmerged;

/* One composition in progress. */
typedef struct compose_ctx {
    arena *arena;
    csub *subs; /* [nsubs], by name */
    uint32_t nsubs;
    diag_list *errors;
    diag_list *hints;
    cmerged *merged; /* NULL until merging ran */
} compose_ctx;

/* Records an error with Apollo's code; where = the subgraph it is in, or NULL. */
diag *compose_error(compose_ctx *c, const char *code, const csub *where, src_loc loc,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The same without the "[subgraph] " prefix (Apollo's merge errors have
 * none) but with the subgraph the location is in as the diag's source. */
diag *compose_error_in(compose_ctx *c, const char *code, const csub *where, src_loc loc,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* A hint (Apollo's hints have no "[subgraph] " prefix; where is its source). */
diag *compose_hint(compose_ctx *c, const char *code, const csub *where, src_loc loc,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* compose_subgraph_link.c: the federation directives a subgraph links, under
 * their local names (s->doc already parsed). */
void compose_read_links(compose_ctx *c, csub *s);

/* compose_subgraph_used.c: sets cfield.used over the subgraph. */
void compose_mark_used(csub *s);

/* compose_subgraph_fed1.c: Apollo's upgrade of a Federation 1 subgraph (every
 * field shareable, unused externals dropped, no keys or @external on
 * interfaces, `extend type` no longer an extension). */
void compose_fed1_upgrade(csub *s);

/* compose_subgraph.c: reads one subgraph into *out (name, url, index already
 * set). Errors land in c->errors; false when the SDL could not be read. */
bool compose_read_subgraph(compose_ctx *c, const compose_input *in, csub *out);

/* compose_merge.c: merges c->subs into c->merged (set even on errors). */
void compose_merge(compose_ctx *c);

/* compose_print.c: writes the merged supergraph as SDL. */
const char *compose_print(compose_ctx *c, size_t *len);

/* compose_check.c: the checks composition runs (owned by `composeerrors`).
 * compose_check_subgraph runs on each subgraph before merging,
 * compose_check_prepare across the subgraphs just before merging,
 * compose_check_merged on the merged result before printing; all report
 * through compose_error. */
void compose_check_subgraph(compose_ctx *c, const csub *s);
void compose_check_prepare(compose_ctx *c);
void compose_check_merged(compose_ctx *c, const cmerged *m);

/* @authenticated, @requiresScopes or @policy (by supergraph name): Apollo
 * merges these first and propagates them to interfaces. */
bool compose_is_access_control(const char *name);

/* Look-ups. */
/* A @link url's feature identity ("https://x/feat/v1.2" -> "https://x/feat")
 * and version (1, 2; 0, 0 when it has none). */
const char *compose_feature_identity(arena *a, const char *url, uint32_t *major, uint32_t *minor);
/* The url of the subgraph's first @link to that feature; NULL when none. */
const char *csub_link_url(arena *a, const csub *s, const char *identity);
const ctype *csub_type(const csub *s, const char *name);
const cfield *ctype_field(const ctype *t, const char *name);
cmtype *cmerged_type(const cmerged *m, const char *name);
/* The federation directive a local directive name stands for; CFED_COUNT when none. */
cfed_dir csub_fed_dir(const csub *s, const char *local_name);

#endif
