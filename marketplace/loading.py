"""Oscar class loader that looks in the project's forked app first.

Oscar's default loader always imports ``oscar.apps.<label>.<module>`` before
the forked module. For the search app that drags in django-haystack, which
this project does not use; importing the project's module first, and Oscar's
only for classes the project does not define, keeps haystack out of the
running process entirely.
"""

from oscar.core.loading import (
    _find_registered_app_name,
    _import_module,
    _pluck_classes,
)


def project_first_class_loader(module_label, classnames, module_prefix):
    if "." not in module_label:
        raise ValueError("Importing from top-level modules is not supported")

    app_name = _find_registered_app_name(module_label)
    local_module = None
    if not app_name.startswith(f"{module_prefix}."):
        local_label = ".".join(app_name.split(".") + module_label.split(".")[1:])
        local_module = _import_module(local_label, classnames)
        if local_module is not None and all(hasattr(local_module, name) for name in classnames):
            return [getattr(local_module, name) for name in classnames]

    oscar_module = _import_module(f"{module_prefix}.{module_label}", classnames)
    if local_module is None and oscar_module is None:
        raise ModuleNotFoundError(f"The module with label '{module_label}' could not be imported.")
    return _pluck_classes([local_module, oscar_module], classnames)
