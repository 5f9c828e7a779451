/** Paired experiments: bio and gradient learners on one task, traces, figures and reports. */
package org.neuroai.compare;
