/* compose_cmd.h: `fedmesh-controlplane compose`: composes subgraph SDL files
 * into a supergraph on stdout, or prints the errors on stderr. */
#ifndef FM_COMPOSE_CMD_H
#define FM_COMPOSE_CMD_H

/* argv[0] is "compose". Returns the process exit status: 0 composed, 1
 * composition failed, 2 bad usage or an unreadable file. */
int compose_cmd(int argc, char **argv);

#endif
