/**
 * The toolkit seen from a notebook: {@link org.neuroai.compare.notebook.Neuroai} runs experiments,
 * stimulation protocols and the validation through the same objects as the command line, and
 * returns figures and tables that a Jupyter kernel shows inline.
 */
package org.neuroai.compare.notebook;
