/**
 * Sweeps on Apache Spark: {@code neuroai sweep ... --engine spark} checks the sweep on the driver,
 * runs every point that is not done as a Spark task through the same {@link org.neuroai.compare.Runner}
 * as the local sweep, and builds {@code sweep.csv} and the figures on the driver with the local
 * sweep's own code, so both engines write the same files.
 */
package org.neuroai.spark;
