/* daemon.h: `fedmesh-controlplane --config FILE`, the control plane as a
 * long-running process: polls the subgraphs, recomposes on a change,
 * publishes plan bundles over nng, tracks the sidecars and serves the admin
 * API, until SIGTERM or SIGINT (then it stops its threads and frees
 * everything). */
#ifndef CP_DAEMON_H
#define CP_DAEMON_H

/* Runs the daemon; the process exit status (0 after a clean stop, 1 when it
 * cannot start). Messages go to stderr. */
int cpd_run(const char *config_path);

#endif
