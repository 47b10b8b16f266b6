# Writes ctest labels for the tests of a Catch2 executable from their tags (Catch2 2.x's
# catch_discover_tests cannot): each tag of LABEL_TAGS a test has becomes a label, and tests without
# [integration] are labelled `unit`. Run after the build (cmake -P), like catch_discover_tests.
# -D TEST_EXECUTABLE=... -D TEST_PREFIX=... -D OUTPUT=... -D "LABEL_TAGS=integration;sanitizer;..."
cmake_minimum_required(VERSION 3.25)
function(test_names spec out)
  execute_process(COMMAND "${TEST_EXECUTABLE}" ${spec} --list-test-names-only
                  OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(rc LESS 0)
    message(FATAL_ERROR "cannot list the tests of ${TEST_EXECUTABLE}: ${rc}")
  endif()
  string(REPLACE "\n" ";" names "${text}")
  list(FILTER names EXCLUDE REGEX "^$")
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

test_names("" all)
foreach(tag IN LISTS LABEL_TAGS)
  test_names("[${tag}]" tagged_${tag})
endforeach()
set(script "")
foreach(name IN LISTS all)
  set(labels "")
  foreach(tag IN LISTS LABEL_TAGS)
    if(name IN_LIST tagged_${tag})
      list(APPEND labels ${tag})
    endif()
  endforeach()
  if(NOT "integration" IN_LIST labels)
    list(APPEND labels unit)
  endif()
  string(APPEND script "set_tests_properties([==[${TEST_PREFIX}${name}]==] PROPERTIES LABELS \"${labels}\")\n")
endforeach()
file(WRITE "${OUTPUT}" "${script}")
