/**
 * The files of a run folder, each with its schema (name, header, the names of its metrics) kept
 * beside the code that writes and reads it: figures, reports and sweeps read a run through these
 * classes, and the experiments that write a file own its schema here rather than in a chart.
 */
package org.neuroai.compare.files;
