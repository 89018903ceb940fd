"""Offline stand-in for rules_cc on Bazel 4.2.3.

Debian's bazel-rules-cc is too new for Bazel 4.2.3, and no network is reachable, so each
rule forwards its arguments to the native rule that Bazel 4.2.3 has built in. Project BUILD
files load from @rules_cc//cc:defs.bzl as they would with the real rules_cc.
"""

def cc_library(**kwargs):
    native.cc_library(**kwargs)

def cc_binary(**kwargs):
    native.cc_binary(**kwargs)

def cc_test(**kwargs):
    native.cc_test(**kwargs)

def cc_import(**kwargs):
    native.cc_import(**kwargs)

def cc_proto_library(**kwargs):
    native.cc_proto_library(**kwargs)

def cc_toolchain(**kwargs):
    native.cc_toolchain(**kwargs)

def cc_toolchain_suite(**kwargs):
    native.cc_toolchain_suite(**kwargs)

def objc_library(**kwargs):
    native.objc_library(**kwargs)
