#pragma once
// What the MPI launcher told this process, read from its environment before (or without) MPI: whether
// it runs under a launcher with more than one process, its rank and the processes per node. Works in
// builds without MPI, so a sweep started under mpirun by such a build can say so.
namespace supplysim::sweep {

// Whether this process was started by an MPI launcher with more than one process
// (mpirun/mpiexec of Open MPI, MPICH/PMI, or srun with PMIx).
bool launched_by_mpi();
// This process's rank and the local process count per node according to the launcher (0 and 1 when unknown).
int launcher_rank();
int launcher_local_size();

}  // namespace supplysim::sweep
