# Shared by bin/xmlclient and bin/simulator (sourced, not run): finds the project root, also
# when the launcher is called through a symbolic link, and makes sure the runnable jars
# (target/xmlclient.jar, target/simulator.jar, target/bench.jar) exist and are newer than the
# sources of every module, building them quietly if not.
# Shell built-ins wherever they do: a start forks as few programs as it can (a fork and exec
# costs 1-5 ms, and a one-script run is over in a few hundred).
self=$0
while [ -L "$self" ]; do
    link=$(readlink "$self")
    case $link in
        /*) self=$link ;;
        *) case $self in */*) self=${self%/*}/$link ;; *) self=./$link ;; esac ;;
    esac
done
case $self in */*) bin=${self%/*} ;; *) bin=. ;; esac
# The root as an absolute path: there and back with cd, no subshell; the caller's folder is
# where java starts, so relative paths in the arguments keep their meaning. Where the caller's
# folder cannot be entered again by its path (deleted, or behind a folder this user may not
# enter), a subshell finds the root and the shell never leaves.
here=$PWD
if [ -n "$here" ] && [ -d "$here" ] && [ -x "$here" ] && CDPATH= cd -- "$bin/.." 2>/dev/null; then
    root=$PWD
    cd -- "$here" || exit 2
else
    root=$(CDPATH= cd -- "$bin/.." && pwd) || exit 2
fi
jar="$root/target/xmlclient.jar"
simulator_jar="$root/target/simulator.jar"
bench_jar="$root/target/bench.jar"
stale() {
    for file in "$jar" "$simulator_jar" "$bench_jar"; do
        [ -f "$file" ] || return 0
    done
    # Measured against xmlclient.jar, which the shade plugin writes anew at every package (also by
    # a developer's own mvn): bench.jar is left as it was when nothing of the bench changed.
    [ -n "$(find "$root"/*/src/main "$root"/pom.xml "$root"/*/pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]
}
# A JDK 25 or newer: XMLCLIENT_JAVA_HOME, JAVA_HOME, the java on the PATH, then the usual install
# folders. Read from each JDK's release file, so finding one starts no JVM.
suits() { # the JDK at $1 has a bin/java and a release file whose JAVA_VERSION is 25 or newer
    [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -r "$1/release" ] || return 1
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            JAVA_VERSION=*)
                v=${line#JAVA_VERSION=}
                v=${v#\"}
                v=${v%%[!0-9]*}   # the feature release: 25 of 25.0.1, 1 of 1.8.0_412
                [ -n "$v" ] && [ "$v" -ge 25 ]
                return
                ;;
        esac
    done <"$1/release"
    return 1
}
find_java() { # sets java; the PATH's java is resolved (a program) only when the two variables miss
    for home in "${XMLCLIENT_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
        suits "$home" && java=$home/bin/java && return 0
    done
    path_java=$(command -v java 2>/dev/null) && path_java=$(readlink -f -- "$path_java" 2>/dev/null)
    for home in "${path_java:+${path_java%/bin/java}}" \
        /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
        /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        suits "$home" && java=$home/bin/java && return 0
    done
    return 1
}
if find_java; then
    java_feature=$v   # the chosen JDK's feature release, read by suits
else
    echo "$(basename -- "$0"): needs a Java 25 JDK (none in JAVA_HOME, on the PATH or under /usr/lib/jvm): install one, e.g. Temurin 25 from https://adoptium.net, or set JAVA_HOME to it" >&2
    exit 2
fi

if stale; then
    echo "$(basename -- "$0"): building $root/target/*.jar (tests skipped)..." >&2
    if ! (cd "$root" && mvn -B -q -DskipTests package >"$root/target-build.log" 2>&1); then
        echo "$(basename -- "$0"): build failed, see $root/target-build.log" >&2
        exit 2
    fi
    rm -f "$root/target-build.log"
fi

# The ahead-of-time cache (Java 25, JEP 483/514): the classes a run loads (gurux.dlms, xerces,
# xmlunit, ours) read, parsed, verified and linked once into target/xmlclient.aot by a training
# run after every build (a few sample scripts against the built-in simulator, with reply files,
# report.html and junit.xml), then mapped by each start. The training must start the JVM with
# the options the runs use that the cache checks (the collector, --enable-native-access).
# A stale or missing cache is never an error: the JVM then loads classes as usual, silently.
aot="$root/target/xmlclient.aot"
# Trained once per build: a marker stops a failed or impossible training (a read-only checkout)
# from being tried again at every start.
newer() { [ ! -e "$2" ] || [ "$1" -nt "$2" ]; }   # dash's -nt is false when $2 is missing
if [ -w "$root/target" ] && newer "$jar" "$aot" && newer "$jar" "$aot.tried"; then
    training=$(mktemp -d 2>/dev/null || echo "$root/target/aot-training")
    "$java" -XX:AOTCacheOutput="$aot.$$" -Xlog:aot=off -Xlog:cds=off -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
        --enable-native-access=ALL-UNNAMED -cp "$jar" dlms.xmlclient.cli.Main \
        -x "$root/messages" -e "$root/expected" -o "$training" --exclude 'gbt/**' --exclude 'inline/**' \
        --exclude 'link-layer/**' --exclude 'load-profile/**' --exclude 'prepayment/**' --exclude 'public/**' \
        --exclude 'push/**' --exclude 'secure/**' --exclude 'sn/**' --exclude 'with-list/**' >/dev/null 2>&1
    if [ -s "$aot.$$" ]; then
        mv -f "$aot.$$" "$aot" 2>/dev/null
    fi
    touch "$aot.tried" 2>/dev/null
    rm -rf "$training" "$aot.$$" "$aot.$$.config"
fi
aot_cache="-XX:AOTCache=$aot -Xlog:aot=off -Xlog:cds=off"
