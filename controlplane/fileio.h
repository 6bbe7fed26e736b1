/* fileio.h: whole-file reads and crash-safe writes for the control plane.
 * A write goes to a temporary file beside the target, is fsync'ed, renamed
 * over the target, and the directory is fsync'ed, so after a crash the
 * target holds either the old or the new bytes, never a mix. */
#ifndef CP_FILEIO_H
#define CP_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

/* Reads path whole into a malloc'd, NUL-terminated buffer (the caller frees
 * it). NULL with errno set on failure; EFBIG when the file exceeds max_bytes. */
char *fio_read(const char *path, size_t max_bytes, size_t *len);

/* Replaces path with data[0..len) atomically (see above). false with errno set. */
bool fio_write_atomic(const char *path, const void *data, size_t len);

/* Appends data[0..len) to path (created when missing) and fsyncs it. */
bool fio_append_sync(const char *path, const void *data, size_t len);

/* Creates the directory and its missing parents (mode 0755). */
bool fio_mkdirs(const char *path);

#endif
