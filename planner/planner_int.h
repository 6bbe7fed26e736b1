/* planner_int.h: what the query planner's files share (planner.c,
 * planner_fields.c, planner_entities.c, planner_ops.c, planner_shape.c).
 * Not a public API.
 *
 * Planning builds "groups": one group is one future subgraph request. A root
 * group selects root fields from one subgraph; an entity group selects fields
 * of entities found at one path of the response, through `_entities`. Each
 * group's selection is an ast_selection tree in the plan's arena, merged as
 * fields are placed. Groups depend on the groups whose data they start from;
 * a group's level is its step in the plan. Entity groups of the same subgraph
 * at the same level are merged into one request with several paths. */
#ifndef FM_PLANNER_INT_H
#define FM_PLANNER_INT_H

#include "planner.h"
#include "strmap.h"

#define QP_MAX_DEPTH 128   /* nesting of selections followed (response path length) */
#define QP_MAX_JUMPS 16    /* entity jumps made only to fetch keys or required fields */
#define QP_MAX_GROUPS 4096 /* subgraph requests one plan may make */

typedef struct qp_group qp_group;

struct qp_group {
    uint32_t id;
    uint32_t graph;
    bool entity;
    /* A holder whose selection_set is the group's selection: root fields, or
     * `... on T { ... }` fragments for entity groups. */
    ast_selection root;
    ast_selection requires; /* entity groups: `... on T { __typename key }` */
    plan_path *paths;       /* entity groups: where the entities are */
    uint32_t npaths, cap_paths;
    /* @interfaceObject: __typename set to the interface; aliased required fields renamed */
    plan_rewrite *input_rewrites;
    uint32_t ninput_rewrites;
    qp_group **deps; /* groups whose results this one needs */
    uint32_t ndeps, cap_deps;
    uint32_t min_level, level;
    bool level_known, level_busy;
    qp_group *merged_into; /* set when batched into another group */
    qp_group *next;        /* every group, in creation order */
};

/* A selection from the client (or a key or requires field set) may carry
 * @skip/@include on variables; they are kept on the subgraph field. */
typedef struct qp_conds {
    const ast_directive *const *items;
    uint32_t n;
} qp_conds;

/* Where the walk stands: an object of `type` (full schema) fetched by
 * `group`, whose fields go under `sel` in the group's selection. */
typedef struct qp_ctx qp_ctx;
struct qp_ctx {
    qp_group *group;
    ast_selection *sel;
    const schema_type *type;
    const ast_selection *provided; /* @provides selection applying here, or NULL */
    const ast_selection *client;   /* the client's selections here; NULL in FieldSets */
    uint32_t nsteps;               /* length of the response path to here (in planner.steps); type
                                      conditions narrower than the field's type add "... on T" steps */
    /* Where the object hangs, so that a field no subgraph reaches from it
     * can be fetched through an enclosing entity (planner_parent.c): the
     * context of the object whose field `via` (selected with `via_conds`)
     * returned it; NULL at the root. Contexts live on the walk's stack, and
     * an ancestor's outlives the walk below it. */
    const qp_ctx *up;
    const ast_selection *via;
    const schema_field *via_field;
    qp_conds via_conds;
    /* The same object in the group this context jumped from; NULL when it was not reached by a
     * jump. */
    const qp_ctx *origin;
    /* The object is one of its entity group's representations: the subgraph got its key. */
    bool representation;
    /* The graphs the object may be read from (bit g: graph g), for the type
     * conditions that can match it (planner_options.c); 0 when unknown. */
    uint64_t options;
};

typedef struct qp_planner {
    arena *a; /* the plan's arena: everything allocated while planning goes here */
    const supergraph *sg;
    const ast_document *doc;
    const ast_definition *op;
    diag_list *errs;
    bool failed;
    qp_group *groups, *last_group;
    uint32_t ngroups;
    strmap group_index; /* "parent|graph|path" -> entity group */
    plan_path_step steps[QP_MAX_DEPTH + 2];
    const qp_group *exclude; /* a group that must not be reused (the one a requires is for) */
    uint32_t jumps;
    qp_group **root_groups;   /* [sg->ngraphs]: queries put each graph's root fields in one */
    qp_group *mutation_group; /* mutations: the group of the latest run of root fields */
} qp_planner;

/* planner.c */
void qp_fail(qp_planner *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
qp_group *qp_group_new(qp_planner *p, uint32_t graph, bool entity);
void qp_group_depend(qp_planner *p, qp_group *g, qp_group *on);
/* The response path of ctx, copied into the arena. */
plan_path qp_ctx_path(qp_planner *p, const qp_ctx *ctx);
char *qp_path_text(arena *a, const plan_path *path);
void qp_group_add_path(qp_planner *p, qp_group *g, const plan_path *path);
/* The representations of g and o would rename two different fields of one
 * type to the same name: they cannot be one request. */
bool qp_rewrites_clash(const qp_group *g, const qp_group *o);
/* Steps taken by the groups made so far (mutations start each root field after them). */
uint32_t qp_levels_so_far(qp_planner *p);

/* planner_fields.c */
/* Places the client's root selection of the operation into root groups. */
void qp_place_root(qp_planner *p, const schema_type *root);
/* Places the client selections `first` (fragments expanded) at ctx. */
void qp_place_selections(qp_planner *p, const qp_ctx *ctx, const ast_selection *first,
                         qp_conds conds, uint32_t depth);
/* Places a FieldSet (key, requires) at ctx; every group a field of it
 * lands in becomes a dependency of `dependent`. */
void qp_place_fieldset(qp_planner *p, const qp_ctx *ctx, const ast_selection *first,
                       qp_group *dependent, uint32_t depth);
/* Narrows ctx to type condition `cond`; false when the group's subgraph
 * cannot return objects of that type (nothing to select there). */
bool qp_narrow(qp_planner *p, const qp_ctx *ctx, const schema_type *cond, qp_ctx *out);
/* The subgraph field `key: name(args) @conds` under parent, found or added. */
ast_selection *qp_sel_field(qp_planner *p, ast_selection *parent, const char *alias,
                            const char *name, ast_argument *args, qp_conds conds);
ast_selection *qp_sel_fragment(qp_planner *p, ast_selection *parent, const char *type_name);
/* The client's selections (fragments followed) use response key `name` for
 * something else than the plain field `name`. */
bool qp_client_takes_key(const qp_planner *p, const ast_selection *first, const char *name,
                         uint32_t depth);
/* Whether graph can resolve f at ctx (itself or through @provides); *provided
 * gets the provided sub-selection to apply below f. */
/* The graph for field f of t that leaves the fewest of the sub-selection's
 * fields to other subgraphs, `prefer` on a tie; UINT32_MAX when none can. */
uint32_t qp_choose_graph(const qp_planner *p, const schema_field *f, const ast_selection *sub,
                         int32_t prefer);
bool qp_can_resolve(const qp_planner *p, const qp_ctx *ctx, const schema_field *f, uint32_t graph,
                    const ast_selection **provided);

/* planner_entities.c */
/* Jumps from ctx (an object type) to a subgraph that resolves f, through a
 * key: returns the context in the entity group, false (with an error) when
 * no subgraph can. s is the client's selection of f (its siblings weigh in
 * the choice), or a FieldSet's. */
bool qp_jump(qp_planner *p, const qp_ctx *ctx, const schema_field *f, const ast_selection *s,
             qp_ctx *out, uint32_t depth);
/* Jumps from ctx (an object type) to graph through one of its keys there, to
 * select fields below the object: false when graph has no resolvable key for
 * it or the jump fails. qp_key_at_hand: graph has a key whose fields ctx's
 * group can select itself. */
bool qp_jump_to_graph(qp_planner *p, const qp_ctx *ctx, uint32_t graph, qp_ctx *out,
                      uint32_t depth);
bool qp_key_at_hand(const qp_planner *p, const qp_ctx *ctx, uint32_t graph);
/* ctx's type is an interface its group's subgraph sees as an @interfaceObject:
 * that subgraph knows neither the objects' types nor their own fields. */
bool qp_seen_as_interface_object(const qp_planner *p, const qp_ctx *ctx);
/* From such a ctx, jumps to a subgraph that has the interface itself with a
 * key (and the object type `object`, when not NULL), where the objects' real
 * __typename and type conditions can be selected. False when there is none. */
bool qp_jump_to_interface(qp_planner *p, const qp_ctx *ctx, const schema_type *object, qp_ctx *out,
                          uint32_t depth);
/* f resolves in ctx's subgraph but @requires fields from others: the
 * subgraph gets them in a representation, through an entity group of its
 * own after the fetches of those fields. False when f requires nothing or
 * the type has no key there (f is then selected in place). */
bool qp_jump_for_requires(qp_planner *p, const qp_ctx *ctx, const schema_field *f, qp_ctx *out,
                          uint32_t depth);
/* Appends a copy of the FieldSet selection `from` under `to`. */
void qp_copy_fieldset(qp_planner *p, ast_selection *to, const ast_selection *from);

/* The named type f has in the graph: @join__field(type:) may narrow the
 * supergraph's type there (an object for a union, say), and the subgraph only
 * accepts type conditions that fit its own type. */
const schema_type *qp_type_in_graph(const qp_planner *p, const schema_field *f, uint32_t graph);

/* planner_options.c */
/* The graphs the root type's fields may be read from. */
uint64_t qp_root_options(const qp_planner *p, const schema_type *root);
/* The graphs f of ctx's object may be read from: those resolving it among
 * ctx's options and the graphs they reach through keys, and ctx's own. */
uint64_t qp_field_options(const qp_planner *p, const qp_ctx *ctx, const schema_field *f);
/* Graph `to` has a resolvable key of t whose fields graph `from` resolves itself. */
bool qp_key_reaches(const qp_planner *p, const schema_type *t, uint32_t from, uint32_t to);
/* Type condition cond at ctx can match: in every graph the object may come
 * from, the field returning it can return an object of cond. */
bool qp_cond_possible(const qp_planner *p, const qp_ctx *ctx, const schema_type *cond);

/* planner_parent.c */
/* f of ctx's object is not reachable through a key at hand: jumps from the
 * nearest enclosing entity to a subgraph that resolves every field from it
 * down to f, selects that path again there, and returns the context where
 * f goes. False (without an error) when no ancestor allows it. */
bool qp_jump_via_parent(qp_planner *p, const qp_ctx *ctx, const schema_field *f, qp_ctx *out,
                        uint32_t depth);

/* planner_ops.c */
/* The subgraph operation of a group and the client variables it uses. */
void qp_build_fetch(qp_planner *p, const qp_group *g, plan_fetch *out);
/* Merges the selection tree `from` into `to` (same holder kind). */
void qp_merge_selections(qp_planner *p, ast_selection *to, const ast_selection *from);
/* Two selection trees would put different fields under one response key. */
bool qp_selections_conflict(const ast_selection *a, const ast_selection *b);
bool qp_same_arguments(const ast_argument *a, const ast_argument *b);

/* planner_aliases.c */
/* Aliases the fields of g's selection that the subgraph types differently
 * under one response key (the request would be invalid) and gives out the
 * output rewrites that rename them back. Call before qp_build_fetch. */
void qp_alias_conflicts(qp_planner *p, const qp_group *g, plan_fetch *out);

/* planner_conditions.c */
/* fetch inside Condition nodes for the variable @skip/@include that every
 * field at the top of g's selection has; fetch itself when there are none. */
plan_node *qp_guard_fetch(qp_planner *p, const qp_group *g, plan_node *fetch);

/* planner_shape.c */
const plan_shape *qp_build_shape(qp_planner *p, const schema_type *root);

#endif
