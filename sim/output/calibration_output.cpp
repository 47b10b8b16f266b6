#include "supplysim/output/calibration_output.hpp"

#include <hdf5.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "supplysim/input/config_tree.hpp"
#include "supplysim/input/key_path.hpp"
#include "supplysim/input/number_text.hpp"
#include "supplysim/output/sweep_output.hpp"
#include "supplysim/version.hpp"

namespace supplysim::calibration {

namespace fs = std::filesystem;

namespace {

void check(herr_t status, const std::string& what) {
    if (status < 0) throw std::runtime_error("HDF5 error writing " + what);
}

void string_attr(hid_t obj, const char* name, const std::string& value) {
    hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    hid_t space = H5Screate(H5S_SCALAR);
    hid_t attr = H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    const char* p = value.c_str();
    check(attr < 0 ? -1 : H5Awrite(attr, type, &p), name);
    H5Aclose(attr);
    H5Sclose(space);
    H5Tclose(type);
}

void number_attr(hid_t obj, const char* name, double value) {
    hid_t space = H5Screate(H5S_SCALAR);
    hid_t attr = H5Acreate2(obj, name, H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT);
    check(attr < 0 ? -1 : H5Awrite(attr, H5T_NATIVE_DOUBLE, &value), name);
    H5Aclose(attr);
    H5Sclose(space);
}

void int_attr(hid_t obj, const char* name, long long value) {
    hid_t space = H5Screate(H5S_SCALAR);
    hid_t attr = H5Acreate2(obj, name, H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT);
    check(attr < 0 ? -1 : H5Awrite(attr, H5T_NATIVE_LLONG, &value), name);
    H5Aclose(attr);
    H5Sclose(space);
}

void doubles(hid_t loc, const char* name, const std::vector<double>& v, std::size_t cols = 0) {
    hsize_t dims[2] = {cols ? v.size() / cols : v.size(), cols};
    hid_t space = H5Screate_simple(cols ? 2 : 1, dims, nullptr);
    hid_t ds = H5Dcreate2(loc, name, H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    check(ds < 0 ? -1 : (v.empty() ? 0 : H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data())), name);
    H5Dclose(ds);
    H5Sclose(space);
}

void matrix(hid_t loc, const char* name, const std::vector<std::vector<double>>& m, std::size_t cols) {
    std::vector<double> flat;
    for (const auto& row : m) flat.insert(flat.end(), row.begin(), row.end());
    doubles(loc, name, flat, cols);
}

void strings(hid_t loc, const char* name, const std::vector<std::string>& v) {
    hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    hsize_t dims[1] = {v.size()};
    hid_t space = H5Screate_simple(1, dims, nullptr);
    hid_t ds = H5Dcreate2(loc, name, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    std::vector<const char*> ptrs;
    for (const auto& s : v) ptrs.push_back(s.c_str());
    check(ds < 0 ? -1 : (v.empty() ? 0 : H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data())), name);
    H5Dclose(ds);
    H5Sclose(space);
    H5Tclose(type);
}

hid_t group(hid_t loc, const std::string& name) {
    hid_t g = H5Gcreate2(loc, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    if (g < 0) throw std::runtime_error("HDF5 error creating group " + name);
    return g;
}

// The system's reason for the last failed write, when it says the disk is full.
std::string disk_reason() {
    const int e = errno;
    if (e == ENOSPC || e == EFBIG || e == EDQUOT || e == EIO) return std::string(" (") + std::strerror(e) + ")";
    return "";
}

std::string now_utc() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

}  // namespace

void write_calibration(AtomicFile& target, const CalibrationSpec& spec, const CalibrationResult& res, const std::string& command_line) {
    std::lock_guard lock(sweep::hdf5_mutex());
    const std::string partial = target.partial_path();
    target.content_replaced();
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    hid_t file = H5Fcreate(partial.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (file < 0) throw std::runtime_error("cannot create " + partial + disk_reason());
    try {
        string_attr(file, "format", "supplysim-calibration");
        int_attr(file, "format_version", 1);
        string_attr(file, "program_version", program_version);
        string_attr(file, "created", now_utc());
        string_attr(file, "command_line", command_line);
        string_attr(file, "calibration_name", spec.name);
        string_attr(file, "calibration_file", spec.file);
        string_attr(file, "calibration_yaml", spec.text);
        string_attr(file, "base_scenario", spec.base_file);
        string_attr(file, "method", method_name(spec.method.kind));
        int_attr(file, "seed", (long long)spec.seed);
        int_attr(file, "total_simulations", res.total_simulations);
        number_attr(file, "seconds", res.seconds);
        int_attr(file, "complete", 0);

        const std::size_t k = spec.parameters.size(), m = spec.targets.size();
        std::vector<std::string> paths, priors;
        std::vector<double> lower, upper;
        for (const auto& p : spec.parameters) {
            paths.push_back(p.path);
            const auto& pr = p.prior;
            priors.push_back(pr.kind == PriorKind::uniform ? "uniform(" + number_text(pr.min) + ", " + number_text(pr.max) + ")"
                             : pr.kind == PriorKind::normal ? "normal(" + number_text(pr.mean) + ", " + number_text(pr.sd) + ")"
                                                            : "lognormal(" + number_text(pr.mean) + ", " + number_text(pr.sd) + ")");
            lower.push_back(pr.lower());
            upper.push_back(pr.upper());
        }
        hid_t pg = group(file, "parameters");
        strings(pg, "path", paths);
        strings(pg, "prior", priors);
        doubles(pg, "lower", lower);
        doubles(pg, "upper", upper);
        H5Gclose(pg);

        std::vector<std::string> names, indicators, groups, from, to, sources, notes;
        std::vector<double> observed, se, weight;
        for (const auto& t : spec.targets) {
            names.push_back(t.name), indicators.push_back(t.indicator);
            groups.push_back(t.dimension == "all" ? "all" : t.dimension + "=" + t.value);
            from.push_back(t.from.str()), to.push_back(t.to.str());
            sources.push_back(t.source), notes.push_back(t.note);
            observed.push_back(t.observed), se.push_back(t.se), weight.push_back(t.weight);
        }
        hid_t tg = group(file, "targets");
        strings(tg, "name", names);
        strings(tg, "indicator", indicators);
        strings(tg, "group", groups);
        strings(tg, "from", from);
        strings(tg, "to", to);
        strings(tg, "source", sources);
        strings(tg, "note", notes);
        doubles(tg, "observed", observed);
        doubles(tg, "se", se);
        doubles(tg, "weight", weight);
        H5Gclose(tg);

        hid_t gg = group(file, "generations");
        int_attr(gg, "count", (long long)res.generations.size());
        for (std::size_t i = 0; i < res.generations.size(); ++i) {
            const auto& g = res.generations[i];
            hid_t one = group(gg, std::to_string(i));
            number_attr(one, "epsilon", g.epsilon);
            int_attr(one, "simulations", g.simulations);
            int_attr(one, "relaxed", g.relaxed ? 1 : 0);
            matrix(one, "theta", g.theta, k);
            doubles(one, "distance", g.distance);
            doubles(one, "weight", g.weight);
            matrix(one, "moments", g.moments, m);
            H5Gclose(one);
        }
        H5Gclose(gg);

        hid_t post = group(file, "posterior");
        doubles(post, "mean", res.posterior.mean);
        doubles(post, "sd", res.posterior.sd);
        doubles(post, "q025", res.posterior.q025);
        doubles(post, "q25", res.posterior.q25);
        doubles(post, "q50", res.posterior.q50);
        doubles(post, "q75", res.posterior.q75);
        doubles(post, "q975", res.posterior.q975);
        doubles(post, "estimate", res.estimate);
        doubles(post, "moments_at_estimate", res.moments_at_estimate);
        doubles(post, "moments_sd_at_estimate", res.sd_at_estimate);
        number_attr(post, "distance_at_estimate", res.distance_at_estimate);
        if (spec.method.kind == MethodKind::msm) {
            number_attr(post, "j_statistic", res.j_statistic);
            number_attr(post, "j_p_value", res.j_p_value);
        }
        H5Gclose(post);

        hid_t attr = H5Aopen(file, "complete", H5P_DEFAULT);
        long long one = 1;
        check(H5Awrite(attr, H5T_NATIVE_LLONG, &one), "complete");
        H5Aclose(attr);
    } catch (const std::exception& e) {
        const std::string reason = disk_reason();
        H5Fclose(file);
        target.abandon();
        throw std::runtime_error(target.final_path() + ": " + e.what() + reason);
    }
    if (H5Fclose(file) < 0) {
        const std::string reason = disk_reason();
        target.abandon();
        throw std::runtime_error(target.final_path() + ": HDF5 error closing the file" + reason);
    }
}

std::string calibrated_scenario_yaml(const CalibrationSpec& spec, const CalibrationResult& res, const std::string& scenario_path,
                                     const std::string& command_line) {
    const fs::path from = fs::absolute(fs::path(scenario_path)).parent_path();
    const std::string rel = fs::relative(fs::absolute(spec.base_file), from).generic_string();
    ConfigNode tree;
    tree.kind = ConfigNode::Kind::map;
    set_key_path(tree, "extends", rel, {});
    const ConfigNode base = load_config(spec.base_file);
    const ConfigNode* base_name = base.find("name");
    set_key_path(tree, "name", (base_name ? base_name->scalar : std::string("scenario")) + "_calibrated", {});
    for (std::size_t j = 0; j < spec.parameters.size(); ++j) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.4g", res.estimate[j]);
        set_key_path(tree, spec.parameters[j].path, buf, spec.parameters[j].mark);
    }
    std::string head = "# Calibrated scenario written by `supplysim calibrate` (do not edit by hand; rerun the calibration).\n"
                       "# calibration: " + spec.file + " (" + method_name(spec.method.kind) + ")\n"
                       "# command: " + command_line + "\n"
                       "# The free keys below are set to the " +
                       std::string(spec.method.kind == MethodKind::msm ? "simulated-moments estimate" : "posterior means") + ":\n";
    for (std::size_t j = 0; j < spec.parameters.size(); ++j) {
        char buf[256];
        std::snprintf(buf, sizeof buf, "#   %s = %.4g (sd %.3g; 95%% interval %.4g to %.4g)\n", spec.parameters[j].path.c_str(),
                      res.estimate[j], res.posterior.sd[j], res.posterior.q025[j], res.posterior.q975[j]);
        head += buf;
    }
    return head + to_yaml(tree) + "\n";
}

}  // namespace supplysim::calibration
