// Launcher detection for MPI sweeps; compiled in every build so a build without MPI can refuse
// clearly instead of having every rank write the same file.
#include <cstdlib>
#include <string>

#include "supplysim/runs/sweep/launcher.hpp"

namespace supplysim::sweep {

namespace {
int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    const long x = std::strtol(v, &end, 10);
    return end && *end == '\0' ? int(x) : fallback;
}
int launcher_size() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_SIZE", "PMI_SIZE", "MPI_LOCALNRANKS"}) {
        const int n = env_int(name, -1);
        if (n > 0) return n;
    }
    // srun --mpi=pmix sets PMIX_RANK but not always a size; SLURM_NTASKS tells.
    if (std::getenv("PMIX_RANK")) return env_int("SLURM_NTASKS", 2);
    return 1;
}
}  // namespace

bool launched_by_mpi() { return launcher_size() > 1; }

int launcher_rank() {
    for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"}) {
        const int r = env_int(name, -1);
        if (r >= 0) return r;
    }
    return 0;
}

int launcher_local_size() {
    for (const char* name : {"OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS", "SLURM_NTASKS_PER_NODE"}) {
        const int n = env_int(name, -1);
        if (n > 0) return n;
    }
    return 1;
}

}  // namespace supplysim::sweep
