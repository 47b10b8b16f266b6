#pragma once
// The posterior particles of a `supplysim calibrate` output (docs/calibration.md): the last generation's
// accepted parameter sets and their weights, which parameter ensembles draw from.
#include <string>
#include <vector>

#include "supplysim/input/input_error.hpp"

namespace supplysim {

struct PosteriorParticles {
    std::string file;
    std::vector<std::string> paths;          // scenario key paths of the calibrated parameters
    std::vector<std::vector<double>> theta;  // [particles][parameters]
    std::vector<double> weight;              // [particles], summing to 1
};

// Reads the particles; a file that is not a complete ABC calibration output is an InputError at `mark`,
// naming `field` (the scenario key that names the file).
PosteriorParticles read_posterior_particles(const std::string& file, const SourceMark& mark, const std::string& field);

}  // namespace supplysim
