# Makefile: builds fedmesh into build/ (build/san/ for the ASan+UBSan build).
#
#   make deps    install the Debian packages and the npm test packages
#   make         libraries and programs
#   make test    every test: unit (plain and sanitized), fuzz smoke, integration
#   make run     the local demo (deploy/local/run.sh)
#   make fuzz    libFuzzer targets (clang) into build/fuzz/
#   make bench-parse   parse+validate throughput against graphql-js
#   make bench-compose composition against @apollo/composition (50 subgraphs, 2,000 types)
#   make bench   the gateway against Apollo Gateway and Hive Gateway (bench/run.sh)
#
# Sources are found by name: planner/x.c is library code, planner/x_test.c a
# unit test binary, planner/x_fuzz.c a libFuzzer target, x_bench.c a benchmark.

CC ?= cc
CLANG ?= clang
BUILD ?= build
SAN ?= 0

CPPFLAGS += -Iplanner -Iproto -Itests/harness -I$(BUILD)/gen -D_GNU_SOURCE -MMD -MP
CFLAGS ?= -O2 -g
CFLAGS += -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
ifeq ($(SAN),1)
CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

NOT_LIB := %_test.c %_fuzz.c %_bench.c
PLANNER_SRC := $(filter-out $(NOT_LIB),$(wildcard planner/*.c))
PLANNER_OBJ := $(PLANNER_SRC:%.c=$(BUILD)/obj/%.o)
LIBPLANNER := $(BUILD)/libfedmesh-planner.a
PLANNER_LIBS := -lm

UNIT_SRC := $(wildcard planner/*_test.c)
UNIT_BIN := $(patsubst planner/%.c,$(BUILD)/test/%,$(UNIT_SRC))
FUZZ_SRC := $(wildcard planner/*_fuzz.c proto/*_fuzz.c)
FUZZ_BIN := $(patsubst %.c,build/fuzz/%,$(notdir $(FUZZ_SRC)))
TOOLS := $(patsubst tools/%.c,$(BUILD)/%,$(wildcard tools/*.c))

.PHONY: all unit-bins test run fuzz deps bench bench-parse bench-json bench-compose clean format
all: $(LIBPLANNER) $(UNIT_BIN) $(TOOLS)
unit-bins: $(UNIT_BIN)

# Every object may include proto/'s generated header: it is made first.
PROTO_GEN_H := $(patsubst %.proto,$(BUILD)/gen/%.pb-c.h,$(wildcard proto/*.proto))
$(BUILD)/obj/%.o: %.c | $(PROTO_GEN_H)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIBPLANNER): $(PLANNER_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/test/%_test: $(BUILD)/obj/planner/%_test.o $(LIBPLANNER)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ $(PLANNER_LIBS) -o $@

$(TOOLS): $(BUILD)/%: $(BUILD)/obj/tools/%.o $(LIBPLANNER)
	$(CC) $(LDFLAGS) $^ $(PLANNER_LIBS) -o $@

# libFuzzer: each target linked against a clang-built planner archive (with
# ASan and UBSan), so it pulls in only the modules it uses.
FUZZ_SAN := -fsanitize=address,undefined
FUZZ_FLAGS := -std=c11 -g -O1 -D_GNU_SOURCE -Iplanner $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_LIB := build/fuzz/libfedmesh-planner.a
build/fuzz/obj/%.o: %.c $(wildcard planner/*.h)
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZ_FLAGS) -c $< -o $@
$(FUZZ_LIB): $(PLANNER_SRC:%.c=build/fuzz/obj/%.o)
	rm -f $@ && ar rcs $@ $^
build/fuzz/%_fuzz: build/fuzz/obj/planner/%_fuzz.o $(FUZZ_LIB)
	$(CLANG) $(FUZZ_SAN) -fsanitize=fuzzer $^ -lm -o $@
fuzz: $(FUZZ_BIN)

test:
	tests/run-tests.sh

run: all
	deploy/local/run.sh

bench: all
	bench/run.sh

bench-parse: all
	tests/bench/bench-parse.sh

deps:
	tests/install-deps.sh

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# bench-json: the JSON module against jansson, json-c, cJSON and yajl
# (tests/bench/json_bench.c; results in docs/DEPENDENCIES.md).
$(BUILD)/json_bench: $(wildcard tests/bench/json_bench*.c) tests/bench/json_bench.h $(LIBPLANNER)
	$(CC) -Iplanner -D_GNU_SOURCE $(CFLAGS) $(filter %.c %.a,$^) -ljansson -ljson-c -lcjson -lyajl -lm -o $@
bench-json: $(BUILD)/json_bench
	$(BUILD)/json_bench tests/bench/data

# bench-compose: compose() against @apollo/composition on the generated graph of
# tests/compose/bench (results in docs/PERFORMANCE.md).
$(BUILD)/compose_bench: tests/compose/bench/compose_bench.c $(LIBPLANNER)
	$(CC) -Iplanner -D_GNU_SOURCE $(CFLAGS) $(filter %.c %.a,$^) $(PLANNER_LIBS) -o $@
bench-compose: $(BUILD)/compose_bench
	node tests/compose/bench/bench.mjs

# The benchmark's subgraphs (accounts, inventory, products, reviews) in C:
# build/fedmesh-bench-subgraphs from bench/subgraphs/*.c, on libmicrohttpd.
BENCH_SUBGRAPHS := $(BUILD)/fedmesh-bench-subgraphs
# Its unit tests bench/subgraphs/x_test.c become build/test/bench_x_test.
BENCH_SUBGRAPHS_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(filter-out %_test.c,$(wildcard bench/subgraphs/*.c)))
BENCH_SUBGRAPHS_TESTS := $(patsubst bench/subgraphs/%.c,$(BUILD)/test/bench_%,$(wildcard bench/subgraphs/*_test.c))
all: $(BENCH_SUBGRAPHS) $(BENCH_SUBGRAPHS_TESTS)
unit-bins: $(BENCH_SUBGRAPHS_TESTS)
$(BENCH_SUBGRAPHS): $(BENCH_SUBGRAPHS_OBJ) $(LIBPLANNER)
	$(CC) $(LDFLAGS) $^ $(PLANNER_LIBS) -lmicrohttpd -lpthread -o $@
$(BUILD)/test/bench_%_test: $(BUILD)/obj/bench/subgraphs/%_test.o $(filter-out %/main.o,$(BENCH_SUBGRAPHS_OBJ)) $(LIBPLANNER)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ $(PLANNER_LIBS) -lmicrohttpd -lpthread -o $@

# The sidecar: sidecar/*.c (but main.c and tests) into build/libfedmesh-sidecar.a,
# the daemon build/fedmesh-sidecar, and sidecar/x_test.c into build/test/x_test.
# sidecar/ headers are visible to sidecar/ code only: planner/ never sees them.
SIDECAR_SRC := $(filter-out sidecar/main.c $(NOT_LIB),$(wildcard sidecar/*.c))
LIBSIDECAR := $(BUILD)/libfedmesh-sidecar.a
# Deferred (=): the wire library is defined below; its archive goes before the planner's.
SIDECAR_LIBS = $(LIBPROTO) $(LIBPLANNER) $(PROTO_LIBS) -lnng -lcurl -lmicrohttpd -lpthread -lm
SIDECAR_TEST_BIN := $(patsubst sidecar/%.c,$(BUILD)/test/%,$(wildcard sidecar/*_test.c))
SIDECAR_BIN := $(if $(wildcard sidecar/main.c),$(BUILD)/fedmesh-sidecar)
all: $(SIDECAR_BIN) $(SIDECAR_TEST_BIN)
unit-bins: $(SIDECAR_TEST_BIN)
$(BUILD)/obj/sidecar/%.o: CPPFLAGS += -Isidecar
$(LIBSIDECAR): $(SIDECAR_SRC:%.c=$(BUILD)/obj/%.o)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^
$(SIDECAR_TEST_BIN): $(BUILD)/test/%: $(BUILD)/obj/sidecar/%.o $(LIBSIDECAR) $(LIBPLANNER)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ $(SIDECAR_LIBS) -o $@
$(BUILD)/fedmesh-sidecar: $(BUILD)/obj/sidecar/main.o $(LIBSIDECAR) $(LIBPLANNER)
	$(CC) $(LDFLAGS) $^ $(SIDECAR_LIBS) -o $@

# The wire library: protoc-c turns proto/x.proto into build/gen/proto/x.pb-c.{c,h};
# those and proto/*.c (but tests and fuzz targets) make build/libfedmesh-proto.a.
# Programs link $(LIBPROTO) before $(LIBPLANNER) (it uses arena and sbuf) and add
# $(PROTO_LIBS). proto/x_test.c becomes build/test/x_test, proto/x_fuzz.c
# build/fuzz/x_fuzz. Headers: "wire_*.h" (-Iproto), "proto/fedmesh.pb-c.h".
PROTO_GEN_C := $(PROTO_GEN_H:.h=.c)
.SECONDARY: $(PROTO_GEN_C) $(PROTO_GEN_H) $(patsubst $(BUILD)/%,build/%,$(PROTO_GEN_C))
PROTO_SRC := $(filter-out $(NOT_LIB),$(wildcard proto/*.c))
LIBPROTO := $(BUILD)/libfedmesh-proto.a
PROTO_LIBS := -lprotobuf-c -lmsgpackc -lcrypto
PROTO_TEST_BIN := $(patsubst proto/%.c,$(BUILD)/test/%,$(wildcard proto/*_test.c))
all: $(LIBPROTO) $(PROTO_TEST_BIN)
unit-bins: $(PROTO_TEST_BIN)
$(BUILD)/gen/proto/%.pb-c.c $(BUILD)/gen/proto/%.pb-c.h: proto/%.proto
	@mkdir -p $(BUILD)/gen
	protoc-c --c_out=$(BUILD)/gen $<
$(LIBPROTO): $(PROTO_SRC:%.c=$(BUILD)/obj/%.o) $(PROTO_GEN_C:%.c=$(BUILD)/obj/%.o)
	rm -f $@ && ar rcs $@ $^
$(PROTO_TEST_BIN): $(BUILD)/test/%: $(BUILD)/obj/proto/%.o $(LIBPROTO) $(LIBPLANNER)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ $(PROTO_LIBS) $(PLANNER_LIBS) -o $@
FUZZ_PROTO_LIB := build/fuzz/libfedmesh-proto.a
build/fuzz/obj/proto/%.o build/fuzz/obj/build/gen/%.o: FUZZ_FLAGS += -Iproto -Ibuild/gen
build/fuzz/obj/proto/%.o: | build/gen/proto/fedmesh.pb-c.h
$(FUZZ_PROTO_LIB): $(PROTO_SRC:%.c=build/fuzz/obj/%.o) $(patsubst %.proto,build/fuzz/obj/build/gen/%.pb-c.o,$(wildcard proto/*.proto))
	rm -f $@ && ar rcs $@ $^
PROTO_FUZZ_BIN := $(patsubst proto/%.c,build/fuzz/%,$(wildcard proto/*_fuzz.c))
$(PROTO_FUZZ_BIN): build/fuzz/%: build/fuzz/obj/proto/%.o $(FUZZ_PROTO_LIB) $(FUZZ_LIB)
	$(CLANG) $(FUZZ_SAN) -fsanitize=fuzzer $^ $(PROTO_LIBS) -lm -o $@

# The sidecar's mesh mode links the wire library. tests/mesh/x.c is a test program build/x
# (a stand-in control plane for tests/integration/sidecar_mesh.sh).
$(SIDECAR_TEST_BIN) $(BUILD)/fedmesh-sidecar: $(LIBPROTO)
MESH_TEST_TOOLS := $(patsubst tests/mesh/%.c,$(BUILD)/%,$(wildcard tests/mesh/*.c))
all: $(MESH_TEST_TOOLS)
$(MESH_TEST_TOOLS): $(BUILD)/%: $(BUILD)/obj/tests/mesh/%.o $(LIBPROTO) $(LIBPLANNER)
	$(CC) $(LDFLAGS) $^ $(PROTO_LIBS) -lnng -lpthread -lm -o $@

# The control plane: controlplane/*.c (but main.c and tests) into
# build/libfedmesh-controlplane.a, the program build/fedmesh-controlplane, and
# controlplane/x_test.c into build/test/cp_x_test.
CONTROLPLANE_SRC := $(filter-out controlplane/main.c $(NOT_LIB),$(wildcard controlplane/*.c))
LIBCONTROLPLANE := $(BUILD)/libfedmesh-controlplane.a
CONTROLPLANE_LIBS := -lyaml -lcurl -lmicrohttpd -lnng $(PROTO_LIBS) -lpthread -lm
CONTROLPLANE_TEST_BIN := $(patsubst controlplane/%.c,$(BUILD)/test/cp_%,$(wildcard controlplane/*_test.c))
CONTROLPLANE_BIN := $(if $(wildcard controlplane/main.c),$(BUILD)/fedmesh-controlplane)
all: $(CONTROLPLANE_BIN) $(CONTROLPLANE_TEST_BIN)
unit-bins: $(CONTROLPLANE_TEST_BIN)
$(BUILD)/obj/controlplane/%.o: CPPFLAGS += -Icontrolplane
$(LIBCONTROLPLANE): $(CONTROLPLANE_SRC:%.c=$(BUILD)/obj/%.o)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^
$(CONTROLPLANE_TEST_BIN): $(BUILD)/test/cp_%: $(BUILD)/obj/controlplane/%.o $(LIBCONTROLPLANE) $(LIBPROTO) $(LIBPLANNER)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ $(CONTROLPLANE_LIBS) -o $@
$(BUILD)/fedmesh-controlplane: $(BUILD)/obj/controlplane/main.o $(LIBCONTROLPLANE) $(LIBPROTO) $(LIBPLANNER)
	$(CC) $(LDFLAGS) $^ $(CONTROLPLANE_LIBS) -o $@
# controlplane/x_fuzz.c: libFuzzer targets build/fuzz/cp_x_fuzz (seeds in tests/fuzz/cp_x).
CP_FUZZ_BIN := $(patsubst controlplane/%.c,build/fuzz/cp_%,$(wildcard controlplane/*_fuzz.c))
fuzz: $(CP_FUZZ_BIN)
build/fuzz/obj/controlplane/%.o: FUZZ_FLAGS += -Icontrolplane
build/fuzz/cp_config_fuzz: build/fuzz/obj/controlplane/config_fuzz.o \
		build/fuzz/obj/controlplane/config.o build/fuzz/obj/controlplane/fileio.o $(FUZZ_LIB)
	$(CLANG) $(FUZZ_SAN) -fsanitize=fuzzer $^ -lyaml -lm -o $@
