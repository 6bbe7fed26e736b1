/* main.c: fedmesh-controlplane's entry point: dispatches to its subcommands. */
#include <stdio.h>
#include <string.h>

#include "compose_cmd.h"

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "compose")) return compose_cmd(argc - 1, argv + 1);
    fputs("usage: fedmesh-controlplane compose --subgraph NAME=URL=FILE ...\n", stderr);
    return 2;
}
