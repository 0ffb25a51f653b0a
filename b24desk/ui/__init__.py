"""The Qt user interface: widgets and item models; it asks desk/ for everything."""
