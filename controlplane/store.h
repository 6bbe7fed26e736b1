/* store.h: the control plane's state directory. Everything a restart needs:
 *
 *   STATE_DIR/bundles/00000042.pb   every published bundle (a BundleEnvelope)
 *   STATE_DIR/current               the current version, as decimal text
 *   STATE_DIR/history.jsonl         one JSON line per composition attempt
 *   STATE_DIR/subgraphs.json        the subgraph list once the admin API changed it
 *
 * Each file but history.jsonl is replaced atomically (fileio.h); history
 * lines are appended and fsync'ed. A bundle is written before `current`
 * names it, so `current` never points at a missing bundle. Versions only
 * grow: the next one is past both `current` and the highest bundle file. */
#ifndef CP_STORE_H
#define CP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STORE_MAX_BUNDLE_BYTES (256u << 20)

typedef struct store {
    char *dir;        /* malloc'd */
    uint64_t current; /* 0 = no bundle yet */
    uint64_t highest; /* highest version on disk */
} store;

/* Creates the directories when missing and reads `current` and the bundle
 * list. false with a message in err (the store then needs no close). */
bool store_open(store *s, const char *dir, char *err, size_t errlen);
void store_close(store *s);

/* The version the next bundle gets. */
uint64_t store_next_version(const store *s);

/* Writes bundle `version` (its envelope bytes), then makes it current. */
bool store_put_bundle(store *s, uint64_t version, const void *envelope, size_t len, char *err,
                      size_t errlen);

/* A kept bundle's envelope bytes (malloc'd; the caller frees), or NULL with
 * errno set (ENOENT when that version is not kept). */
void *store_get_bundle(const store *s, uint64_t version, size_t *len);

/* Appends one line (a JSON object, no newline) to history.jsonl. */
bool store_append_history(store *s, const char *json_line, size_t len);

/* The last line of history.jsonl (without its newline) into out; false
 * when there is none (or it is longer than outlen - 1). */
bool store_last_history(const store *s, char *out, size_t outlen);

/* The subgraph list saved by the admin API (JSON text, malloc'd), or NULL
 * when none was saved (errno ENOENT) or on a read error. */
char *store_load_subgraphs(const store *s, size_t *len);
bool store_save_subgraphs(store *s, const char *json, size_t len);

#endif
