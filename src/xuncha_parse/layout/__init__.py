"""Stages 2-5: the text's layout: offsets-keeping view and lines, tokens, paragraphs, the heading tree and the document's parts."""
