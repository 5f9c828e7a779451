/** Task metrics computed from learners' capabilities, the same way for every family. */
package org.neuroai.core.metrics;
