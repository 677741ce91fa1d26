# Builds each function's deployable artifact for `sam build` (the functions use BuildMethod: makefile).
# SAM runs `make build-<LogicalId>` with ARTIFACTS_DIR set; Maven builds the function's module and
# the shared modules it needs (-am), and the shaded jar goes to lib/, where the Lambda Java
# runtime puts every jar on the classpath.
MVN ?= mvn
MVN_FLAGS ?= -B -q -DskipTests

define package_function
	$(MVN) $(MVN_FLAGS) -pl $(1) -am package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(1)/target/*-lambda.jar "$(ARTIFACTS_DIR)/lib/"
endef

.PHONY: build-RegisterFunction build-LoginFunction build-NotesFunction build-AccountFunction build-MigrateFunction

build-RegisterFunction:
	$(call package_function,functions/register)

build-LoginFunction:
	$(call package_function,functions/login)

build-NotesFunction:
	$(call package_function,functions/notes)

build-AccountFunction:
	$(call package_function,functions/account)

build-MigrateFunction:
	$(call package_function,migrations)
