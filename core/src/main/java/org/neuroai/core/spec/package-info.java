/** Run specifications from the command line or YAML. */
package org.neuroai.core.spec;
