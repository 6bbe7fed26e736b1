/* main.c: fedmesh-controlplane's entry point: the daemon, or a subcommand.
 *
 *   fedmesh-controlplane --config FILE                   the control plane (daemon.h)
 *   fedmesh-controlplane compose --subgraph NAME=URL=FILE ...   one composition */
#include <stdio.h>
#include <string.h>

#include "compose_cmd.h"
#include "daemon.h"

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "compose")) return compose_cmd(argc - 1, argv + 1);
    if (argc == 3 && !strcmp(argv[1], "--config")) return cpd_run(argv[2]);
    fputs("usage: fedmesh-controlplane --config FILE\n"
          "       fedmesh-controlplane compose [--hints] --subgraph NAME=URL=FILE ...\n",
          stderr);
    return 2;
}
