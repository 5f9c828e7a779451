/**
 * The figure registry: every figure is a class with a name, a caption, the files it reads and a
 * draw method over a run folder, registered in
 * {@code META-INF/services/org.neuroai.compare.figures.Figure} as rules are. Studies name the
 * figures they draw; {@code neuroai plot} redraws any of them for any run that has its files; the
 * chart catalogue test draws every one. A figure reads the run folder and nothing else: its learners'
 * families, labels and colours come from learners.csv, never from their names.
 */
package org.neuroai.compare.figures;
