/** The neuroai command line. */
package org.neuroai.compare.cli;
