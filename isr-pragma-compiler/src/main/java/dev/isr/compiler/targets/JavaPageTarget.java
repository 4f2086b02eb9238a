package dev.isr.compiler.targets;

import java.util.List;

/**
 * A target that emits Java pages (SPEC §6) instead of Ruby pages. The compiler hands it every Java
 * page that compiled and never a Ruby page; the JavaScript targets, in turn, never see a Java page.
 * A project with both kinds of page names a target of each kind.
 */
public interface JavaPageTarget extends Target {

    /** The files of one Java page, paths relative to the target's folder. */
    List<GeneratedFile> javaPageFiles(CompiledJavaPage page);
}
