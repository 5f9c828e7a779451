/** Long-format traces: monitors that record metrics and weights at a stride, streamed to CSV. */
package org.neuroai.core.trace;
