/*
 * Read bandwidth of this machine, as a decode step uses it: threads stream through a buffer far larger than the
 * caches, each summing its contiguous share (the loop the weights of a matrix-vector product take). Compiled by
 * clang -O3 -march=native -ffast-math, the sum becomes unrolled vector loads with several accumulators, so the
 * loop is bound by memory, not by the adds. The buffer is written once first (every page faulted in), then
 * `passes` timed sweeps run; the best one counts (bandwidth here drifts; the best is the least disturbed).
 *
 * Usage: read-bandwidth MIB THREADS PASSES; prints one JSON line.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
  const float *p;
  size_t n;
  float sum;
} Share;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void *sweep(void *arg) {
  Share *s = arg;
  const float *p = s->p;
  float sum = 0.0f;
  for (size_t i = 0; i < s->n; i++) sum += p[i];
  s->sum = sum;
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s MIB THREADS PASSES\n", argv[0]);
    return 2;
  }
  size_t mib = strtoul(argv[1], NULL, 10);
  int threads = atoi(argv[2]);
  int passes = atoi(argv[3]);
  if (mib == 0 || threads < 1 || threads > 64 || passes < 1) return 2;
  size_t bytes = mib << 20;
  size_t n = bytes / sizeof(float);
  float *buf = aligned_alloc(64, bytes);
  if (buf == NULL) return 3;
  for (size_t i = 0; i < n; i++) buf[i] = (float)(i & 1023) * 0.001f;

  Share shares[64];
  pthread_t ids[64];
  size_t per = (n / threads) & ~(size_t)15;
  double best = 1e30, checksum = 0;
  for (int pass = 0; pass <= passes; pass++) { /* pass 0 warms up */
    double t0 = now();
    for (int t = 0; t < threads; t++) {
      shares[t].p = buf + (size_t)t * per;
      shares[t].n = t == threads - 1 ? n - (size_t)t * per : per;
      pthread_create(&ids[t], NULL, sweep, &shares[t]);
    }
    for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
    double dt = now() - t0;
    if (pass > 0 && dt < best) best = dt;
    for (int t = 0; t < threads; t++) checksum += shares[t].sum;
  }
  printf("{\"threads\":%d,\"bytes\":%zu,\"seconds\":%.6f,\"bytesPerSecond\":%.1f,\"checksum\":%.3f}\n", threads, bytes, best, (double)bytes / best, checksum);
  free(buf);
  return 0;
}
