#!/usr/bin/env bash
# Installs every Debian package supplysim needs to build, test and analyse. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  g++ cmake ninja-build make pkg-config \
  libboost-program-options-dev libboost-random-dev libboost-math-dev \
  libboost-mpi-dev libboost-serialization-dev \
  libtbb-dev libhdf5-dev hdf5-tools libyaml-cpp-dev catch2 librandom123-dev \
  libopenmpi-dev openmpi-bin libbenchmark-dev \
  python3 python3-h5py python3-numpy python3-pandas python3-scipy python3-matplotlib \
  python3-pytest python3-jinja2 python3-yaml python3-xarray pandoc weasyprint poppler-utils fonts-dejavu-core \
  python3-venv python3-pip python3-setuptools python3-wheel \
  r-base-core r-cran-hdf5r \
  slurm-wlm munge \
  clang libclang-rt-14-dev >/dev/null
