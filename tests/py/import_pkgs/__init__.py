# Fixture package for the tests/py/import_*.py tests (not a test itself).
print("import_pkgs package initialised")
